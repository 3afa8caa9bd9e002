using System.Security.Cryptography;

namespace BirdInfra.Planning;

/// <summary>Turns declared input expressions into property values, given how to read another resource's output.</summary>
public static class InputResolver
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <param name="readOutput">The value of a referenced output.</param>
    /// <param name="existing">The resource's inputs as recorded in state, the source of earlier generated secrets.</param>
    public static PropertyMap Resolve(
        ImmutableSortedDictionary<string, InputExpression> inputs,
        Func<OutputReference, PropertyValue> readOutput,
        PropertyMap? existing) =>
        PropertyMap.From(inputs.Select(kv => new KeyValuePair<string, PropertyValue>(
            kv.Key,
            kv.Value is GeneratedSecretInput generated
                ? existing?[kv.Key] is { IsSecret: true } kept ? kept : PropertyValue.SecretString(Generate(generated.Length))
                : Resolve(kv.Value, readOutput))));

    public static PropertyValue Resolve(InputExpression expression, Func<OutputReference, PropertyValue> readOutput) => expression switch
    {
        LiteralInput literal => literal.Value,
        OutputReference reference => readOutput(reference),
        ListInput list => PropertyValue.List(list.Items.Select(i => Resolve(i, readOutput))),
        MapInput map => PropertyValue.Map(PropertyMap.From(map.Properties.Select(kv =>
            new KeyValuePair<string, PropertyValue>(kv.Key, Resolve(kv.Value, readOutput))))),
        GeneratedSecretInput generated => PropertyValue.SecretString(Generate(generated.Length)),
        _ => throw new ArgumentOutOfRangeException(nameof(expression)),
    };

    /// <summary>The stand-in for a referenced output not known until apply: an unknown that names the output.</summary>
    public static PropertyValue Unknown(OutputReference reference) =>
        PropertyValue.UnknownOf(new UnknownOutput(reference.Target.ToString(), reference.Output));

    /// <summary>
    /// Puts now-known outputs in place of the unknowns made by <see cref="Unknown"/>; <paramref name="known"/>
    /// returns null for an output still not known, which then stays unknown.
    /// </summary>
    public static PropertyValue Fill(PropertyValue value, Func<OutputReference, PropertyValue?> known) => value.Kind switch
    {
        PropertyKind.Unknown when value.StandsFor is { } output =>
            known(new OutputReference(ResourceAddress.Parse(output.Resource), output.Output)) ?? value,
        PropertyKind.Secret => PropertyValue.Secret(Fill(value.Unwrapped, known)),
        PropertyKind.List => PropertyValue.List(value.AsList().Select(v => Fill(v, known))),
        PropertyKind.Map => PropertyValue.Map(Fill(value.AsMap(), known)),
        _ => value,
    };

    public static PropertyMap Fill(PropertyMap map, Func<OutputReference, PropertyValue?> known) =>
        PropertyMap.From(map.Select(kv => new KeyValuePair<string, PropertyValue>(kv.Key, Fill(kv.Value, known))));

    private static string Generate(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
