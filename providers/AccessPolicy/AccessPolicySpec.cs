using System.Collections.Immutable;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Providers.AccessPolicy;

/// <summary>The desired IAM policy, typed. Built from checked inputs; <see cref="ToInputs"/> gives the normalised map back.</summary>
public sealed record AccessPolicySpec(string Name, string? Description, ImmutableArray<AccessPolicyDefinition> Definitions)
{
    public bool Equals(AccessPolicySpec? other) =>
        other is not null && Name == other.Name && Description == other.Description && Definitions.SequenceEqual(other.Definitions);

    public override int GetHashCode() => HashCode.Combine(Name, Description, Definitions.Length);

    public static AccessPolicySpec FromInputs(PropertyMap inputs) => new(
        PropertyMaps.Required(inputs, "name"),
        PropertyMaps.Optional(inputs, "description"),
        inputs["definitions"]?.AsList().Select(d => d.AsMap()).Select(d => Definition(
            PropertyMaps.Required(d, "effect"),
            d["actions"]?.AsList().Select(a => a.AsString()) ?? [],
            d["resources"]?.AsList().Select(r => r.AsString()) ?? [])).ToImmutableArray() ?? ImmutableArray<AccessPolicyDefinition>.Empty);

    /// <summary>A definition with its actions and resources sorted and de-duplicated.</summary>
    public static AccessPolicyDefinition Definition(string effect, IEnumerable<string> actions, IEnumerable<string> resources) => new(
        effect,
        actions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray(),
        resources.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray());

    public PropertyMap ToInputs() => PropertyMaps.Of(
        ("name", PropertyValue.String(Name)),
        ("description", PropertyMaps.Text(Description)),
        ("definitions", PropertyValue.List(Definitions.Select(d => PropertyValue.Map(PropertyMaps.Of(
            ("effect", PropertyValue.String(d.Effect)),
            ("actions", PropertyMaps.Strings(d.Actions)),
            ("resources", PropertyMaps.Strings(d.Resources))))))));
}
