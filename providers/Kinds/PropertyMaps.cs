
namespace BirdInfra.Providers.Kinds;

/// <summary>Small builders for normalised property maps: absent values are left out, never stored as null.</summary>
internal static class PropertyMaps
{
    public static PropertyMap Of(params (string Key, PropertyValue? Value)[] entries) =>
        PropertyMap.From(entries.Where(e => e.Value is not null && !e.Value.IsNull).Select(e => new KeyValuePair<string, PropertyValue>(e.Key, e.Value!)));

    public static PropertyValue? Text(string? value) => value is null ? null : PropertyValue.String(value);

    public static PropertyValue Strings(IEnumerable<string> values) => PropertyValue.List(values.Select(PropertyValue.String));

    /// <summary>Reads a checked input that must be known by now (create/update time).</summary>
    public static string Required(PropertyMap inputs, string key) =>
        inputs[key] is { } v && !v.ContainsUnknown && v.AsStringOrNull() is { } s
            ? s
            : throw new InvalidOperationException($"Input '{key}' is missing or not yet known; Check must run and all references must resolve before Bird is called.");

    public static string? Optional(PropertyMap inputs, string key) =>
        inputs[key] is { } v && !v.IsNull
            ? (v.ContainsUnknown ? throw new InvalidOperationException($"Input '{key}' is not yet known.") : v.AsStringOrNull())
            : null;

    /// <summary>Reads a checked secret input that must be known by now; its plain text goes only into a <see cref="SecretText"/>.</summary>
    public static SecretText RequiredSecret(PropertyMap inputs, string key) =>
        OptionalSecret(inputs, key) ?? throw new InvalidOperationException($"Input '{key}' is missing; Check must run before Bird is called.");

    /// <summary>The checked input of <paramref name="field"/> (its property), which must be known by now.</summary>
    public static string Required(PropertyMap inputs, KindField field) => Required(inputs, field.Property!);

    public static string? Optional(PropertyMap inputs, KindField field) => Optional(inputs, field.Property!);

    public static SecretText RequiredSecret(PropertyMap inputs, KindField field) => RequiredSecret(inputs, field.Property!);

    public static SecretText? OptionalSecret(PropertyMap inputs, KindField field) => OptionalSecret(inputs, field.Property!);

    public static SecretText? OptionalSecret(PropertyMap inputs, string key) =>
        inputs[key] is { } v && !v.IsNull
            ? (v.ContainsUnknown ? throw new InvalidOperationException($"Input '{key}' is not yet known.") : new SecretText(v.RevealString()))
            : null;
}
