
namespace BirdInfra.Graph;

/// <summary>Evaluates a declaration's inputs before the graph exists: for the kinds' checks while a stack file is validated.</summary>
public static class DeferredInputs
{
    /// <summary>The value as far as it is known offline: references and secrets unknown, ids interpolated as <paramref name="placeholderId"/>.</summary>
    public static PropertyValue Probe(InputExpression expression, string placeholderId) => expression switch
    {
        LiteralInput literal => literal.Value,
        OutputReference => PropertyValue.Unknown,
        SecretSourceInput or GeneratedSecretInput => PropertyValue.Secret(PropertyValue.Unknown),
        InterpolatedInput text => PropertyValue.String(StackInterpolation.Interpolate(text.Template, placeholderId, placeholderId)),
        ListInput list => PropertyValue.List(list.Items.Select(i => Probe(i, placeholderId))),
        MapInput map => PropertyValue.Map(PropertyMap.From(map.Properties.Select(p => KeyValuePair.Create(p.Key, Probe(p.Value, placeholderId))))),
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression.GetType().Name, "not an input expression of a stack entry"),
    };
}
