
namespace BirdInfra.Providers.AccessPolicy;

/// <summary>The desired IAM policy, typed. Built from checked inputs; <see cref="ToInputs"/> gives the normalised map back.</summary>
public sealed record AccessPolicySpec(string Name, string? Description, ImmutableArray<AccessPolicyDefinition> Definitions)
{
    public bool Equals(AccessPolicySpec? other) =>
        other is not null && Name == other.Name && Description == other.Description && Definitions.SequenceEqual(other.Definitions);

    public override int GetHashCode() => HashCode.Combine(Name, Description, Definitions.Length);

    public static AccessPolicySpec FromInputs(PropertyMap inputs) => new(
        PropertyMaps.Required(inputs, AccessPolicyFields.Name),
        PropertyMaps.Optional(inputs, AccessPolicyFields.Description),
        inputs[AccessPolicyFields.Definitions.Property!]?.AsList().Select(d => d.AsMap()).Select(d => Definition(
            PropertyMaps.Required(d, AccessPolicyFields.Effect),
            Texts(d, AccessPolicyFields.Actions),
            Texts(d, AccessPolicyFields.Resources))).ToImmutableArray() ?? ImmutableArray<AccessPolicyDefinition>.Empty);

    private static IEnumerable<string> Texts(PropertyMap definition, KindField field) => definition[field.Property!]?.AsList().Select(v => v.AsString()) ?? [];

    /// <summary>A definition with its actions and resources sorted and de-duplicated.</summary>
    public static AccessPolicyDefinition Definition(string effect, IEnumerable<string> actions, IEnumerable<string> resources) => new(
        effect,
        actions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray(),
        resources.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray());

    public PropertyMap ToInputs() => PropertyMaps.Of(
        (AccessPolicyFields.Name.Property!, PropertyValue.String(Name)),
        (AccessPolicyFields.Description.Property!, PropertyMaps.Text(Description)),
        (AccessPolicyFields.Definitions.Property!, PropertyValue.List(Definitions.Select(d => PropertyValue.Map(PropertyMaps.Of(
            (AccessPolicyFields.Effect.Property!, PropertyValue.String(d.Effect)),
            (AccessPolicyFields.Actions.Property!, PropertyMaps.Strings(d.Actions)),
            (AccessPolicyFields.Resources.Property!, PropertyMaps.Strings(d.Resources))))))));
}
