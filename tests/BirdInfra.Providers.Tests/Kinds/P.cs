using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Providers.Tests.Kinds;

/// <summary>Terse builders for property maps in tests.</summary>
internal static class P
{
    public static PropertyValue S(string value) => PropertyValue.String(value);

    public static PropertyValue Secret(string value) => PropertyValue.SecretString(value);

    public static PropertyValue L(params PropertyValue[] items) => PropertyValue.List(items);

    public static PropertyValue L(params string[] items) => PropertyValue.List(items.Select(PropertyValue.String));

    public static PropertyValue M(params (string Key, PropertyValue Value)[] entries) => PropertyValue.Map(Map(entries));

    public static PropertyMap Map(params (string Key, PropertyValue Value)[] entries) =>
        PropertyMap.From(entries.Select(e => new KeyValuePair<string, PropertyValue>(e.Key, e.Value)));

    /// <summary>State as the engine would record it after a create with these inputs.</summary>
    public static ResourceSnapshot Recorded(IResourceKind kind, PropertyMap inputs, params (string Key, PropertyValue Value)[] outputs)
    {
        var check = kind.Check(inputs);
        check.Failures.Should().BeEmpty();
        var all = check.Inputs;
        foreach (var (key, value) in outputs)
        {
            all = all.With(key, value);
        }

        return new ResourceSnapshot("id-1", check.Inputs, all);
    }
}
