
namespace BirdInfra.Providers.AccessRole;

/// <summary>The desired IAM role, typed; policies are a set, kept sorted by id.</summary>
public sealed record AccessRoleSpec(string Name, string? Description, ImmutableArray<AccessRolePolicyRef> Policies)
{
    public const string DefaultPolicyType = BirdRules.CustomIamType;

    public bool Equals(AccessRoleSpec? other) =>
        other is not null && Name == other.Name && Description == other.Description && Policies.SequenceEqual(other.Policies);

    public override int GetHashCode() => HashCode.Combine(Name, Description, Policies.Length);

    public static AccessRoleSpec Create(string name, string? description, IEnumerable<AccessRolePolicyRef> policies) => new(
        name,
        string.IsNullOrEmpty(description) ? null : description,
        policies.Distinct().OrderBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.Type, StringComparer.Ordinal).ToImmutableArray());

    public static AccessRoleSpec FromInputs(PropertyMap inputs) => Create(
        PropertyMaps.Required(inputs, AccessRoleFields.Name),
        PropertyMaps.Optional(inputs, AccessRoleFields.Description),
        (inputs[AccessRoleFields.Policies.Property!]?.AsList() ?? []).Select(p => p.AsMap()).Select(p => new AccessRolePolicyRef(
            PropertyMaps.Required(p, AccessRoleFields.PolicyId),
            PropertyMaps.Optional(p, AccessRoleFields.PolicyType) ?? DefaultPolicyType)));

    /// <summary>A policy reference as inputs.</summary>
    public static PropertyValue Reference(string id, string type) => PropertyValue.Map(PropertyMaps.Of(
        (AccessRoleFields.PolicyId.Property!, PropertyValue.String(id)),
        (AccessRoleFields.PolicyType.Property!, PropertyValue.String(type))));

    public PropertyMap ToInputs() => PropertyMaps.Of(
        (AccessRoleFields.Name.Property!, PropertyValue.String(Name)),
        (AccessRoleFields.Description.Property!, PropertyMaps.Text(Description)),
        (AccessRoleFields.Policies.Property!, PropertyValue.List(Policies.Select(p => Reference(p.Id, p.Type)))));
}
