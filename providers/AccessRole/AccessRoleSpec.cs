using System.Collections.Immutable;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Providers.AccessRole;

/// <summary>The desired IAM role, typed; policies are a set, kept sorted by id.</summary>
public sealed record AccessRoleSpec(string Name, string? Description, ImmutableArray<AccessRolePolicyRef> Policies)
{
    public const string DefaultPolicyType = "organization";

    /// <summary>Custom policies (the default) and Bird's own.</summary>
    public static readonly ImmutableArray<string> PolicyTypes = [DefaultPolicyType, "managed"];

    public bool Equals(AccessRoleSpec? other) =>
        other is not null && Name == other.Name && Description == other.Description && Policies.SequenceEqual(other.Policies);

    public override int GetHashCode() => HashCode.Combine(Name, Description, Policies.Length);

    public static AccessRoleSpec Create(string name, string? description, IEnumerable<AccessRolePolicyRef> policies) => new(
        name,
        string.IsNullOrEmpty(description) ? null : description,
        policies.Distinct().OrderBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.Type, StringComparer.Ordinal).ToImmutableArray());

    public static AccessRoleSpec FromInputs(PropertyMap inputs) => Create(
        PropertyMaps.Required(inputs, "name"),
        PropertyMaps.Optional(inputs, "description"),
        (inputs["policies"]?.AsList() ?? []).Select(p => p.AsMap()).Select(p => new AccessRolePolicyRef(
            PropertyMaps.Required(p, "id"),
            PropertyMaps.Optional(p, "type") ?? DefaultPolicyType)));

    public PropertyMap ToInputs() => PropertyMaps.Of(
        ("name", PropertyValue.String(Name)),
        ("description", PropertyMaps.Text(Description)),
        ("policies", PropertyValue.List(Policies.Select(p => PropertyValue.Map(PropertyMaps.Of(
            ("id", PropertyValue.String(p.Id)),
            ("type", PropertyValue.String(p.Type))))))));
}
