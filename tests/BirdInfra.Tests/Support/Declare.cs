using System.Collections.Immutable;
using BirdInfra.Graph;
using BirdInfra.Providers.Expressions;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.State;

namespace BirdInfra.Tests.Support;

/// <summary>Short builders for engine tests: desired graphs without a stack file, and state entries owning fake objects.</summary>
public static class Declare
{
    public static DesiredGraph Desired(params ResourceDeclaration[] resources) => new([.. resources]);

    /// <summary>A parent named <paramref name="name"/> (its <c>name</c> input too), with optional extra inputs.</summary>
    public static ResourceDeclaration Parent(string name, params (string Key, InputExpression Value)[] inputs) =>
        Resource("Parent", name, inputs);

    /// <summary>A child named <paramref name="name"/> whose <c>parentId</c> is the <c>id</c> output of the parent named <paramref name="parent"/>.</summary>
    public static ResourceDeclaration Child(string name, string parent, params (string Key, InputExpression Value)[] inputs) =>
        Resource("Child", name, [("parentId", new OutputReference(new ResourceAddress("Parent", parent), "id")), .. inputs]);

    public static ResourceDeclaration Resource(string kind, string name, params (string Key, InputExpression Value)[] inputs)
    {
        var all = inputs.ToImmutableSortedDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);
        if (!all.ContainsKey("name"))
        {
            all = all.Add("name", Text(name));
        }

        return new ResourceDeclaration(new ResourceAddress(kind, name), all, null, $"{kind}.{name}");
    }

    public static LiteralInput Text(string value) => new(PropertyValue.String(value));

    public static LiteralInput Number(double value) => new(PropertyValue.Number(value));

    public static ResourceAddress Address(string kind, string name) => new(kind, name);

    /// <summary>A property map from strings and numbers, e.g. <c>Inputs(("name", "p"), ("size", 1))</c>.</summary>
    public static PropertyMap Inputs(params (string Key, object Value)[] values) =>
        PropertyMap.From(values.Select(v => KeyValuePair.Create(v.Key, v.Value switch
        {
            string text => PropertyValue.String(text),
            int number => PropertyValue.Number(number),
            double number => PropertyValue.Number(number),
            PropertyValue value => value,
            _ => throw new ArgumentException($"No property value for {v.Value.GetType().Name}.", nameof(values)),
        })));

    /// <summary>The state entry of an object the stack owns at <paramref name="address"/> (e.g. <c>Parent.p</c>).</summary>
    public static StateResource Owned(string address, ResourceSnapshot obj, string? dependsOn = null) =>
        new(ResourceAddress.Parse(address), obj.Id, obj.Inputs, obj.Outputs, dependsOn is null ? [] : [ResourceAddress.Parse(dependsOn)]);
}
