
namespace BirdInfra.Providers.AccessKey;

/// <summary>The desired access key, typed; role references are a set, kept sorted by id.</summary>
public sealed record AccessKeySpec(string Name, string Description, ImmutableArray<AccessKeyRoleRef> RoleRefs)
{
    public const string DefaultRoleType = BirdRules.CustomIamType;

    public bool Equals(AccessKeySpec? other) =>
        other is not null && Name == other.Name && Description == other.Description && RoleRefs.SequenceEqual(other.RoleRefs);

    public override int GetHashCode() => HashCode.Combine(Name, Description, RoleRefs.Length);

    public static AccessKeyRoleRef RoleRef(string id, string? type, IEnumerable<string>? workspaces) => new(
        id,
        string.IsNullOrEmpty(type) ? DefaultRoleType : type,
        (workspaces ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray());

    public static AccessKeySpec Create(string name, string description, IEnumerable<AccessKeyRoleRef> roleRefs) =>
        new(name, description, Normalise(roleRefs));

    /// <summary>Role references as a set: de-duplicated, sorted by id then type.</summary>
    public static ImmutableArray<AccessKeyRoleRef> Normalise(IEnumerable<AccessKeyRoleRef> roleRefs) =>
        roleRefs.Distinct().OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Type, StringComparer.Ordinal).ToImmutableArray();

    public static AccessKeySpec FromInputs(PropertyMap inputs) => Create(
        PropertyMaps.Required(inputs, AccessKeyFields.Name),
        PropertyMaps.Required(inputs, AccessKeyFields.Description),
        (inputs[AccessKeyFields.Roles.Property!]?.AsList() ?? []).Select(r => r.AsMap()).Select(r => RoleRef(
            PropertyMaps.Required(r, AccessKeyFields.RoleId),
            PropertyMaps.Optional(r, AccessKeyFields.RoleType),
            r[AccessKeyFields.RoleWorkspaces.Property!]?.AsList().Select(w => w.AsString()))));

    /// <summary>A role reference as inputs; without <paramref name="workspaces"/> when null (Bird did not say).</summary>
    public static PropertyValue Reference(string id, string type, PropertyValue? workspaces) => PropertyValue.Map(PropertyMaps.Of(
        (AccessKeyFields.RoleId.Property!, PropertyValue.String(id)),
        (AccessKeyFields.RoleType.Property!, PropertyValue.String(type)),
        (AccessKeyFields.RoleWorkspaces.Property!, workspaces)));

    public PropertyMap ToInputs() => PropertyMaps.Of(
        (AccessKeyFields.Name.Property!, PropertyValue.String(Name)),
        (AccessKeyFields.Description.Property!, PropertyValue.String(Description)),
        (AccessKeyFields.Roles.Property!, PropertyValue.List(RoleRefs.Select(r => Reference(r.Id, r.Type, PropertyMaps.Strings(r.Workspaces))))));
}
