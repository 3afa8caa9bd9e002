using System.Collections.Immutable;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Providers.AccessKey;

/// <summary>The desired access key, typed; role references are a set, kept sorted by id.</summary>
public sealed record AccessKeySpec(string Name, string Description, ImmutableArray<AccessKeyRoleRef> RoleRefs)
{
    public const string DefaultRoleType = "organization";

    /// <summary>Custom roles (the default) and Bird's own.</summary>
    public static readonly ImmutableArray<string> RoleTypes = [DefaultRoleType, "managed"];

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
        PropertyMaps.Required(inputs, "name"),
        PropertyMaps.Required(inputs, "description"),
        (inputs["roleRefs"]?.AsList() ?? []).Select(r => r.AsMap()).Select(r => RoleRef(
            PropertyMaps.Required(r, "id"),
            PropertyMaps.Optional(r, "type"),
            r["workspaces"]?.AsList().Select(w => w.AsString()))));

    public PropertyMap ToInputs() => PropertyMaps.Of(
        ("name", PropertyValue.String(Name)),
        ("description", PropertyValue.String(Description)),
        ("roleRefs", PropertyValue.List(RoleRefs.Select(r => PropertyValue.Map(PropertyMaps.Of(
            ("id", PropertyValue.String(r.Id)),
            ("type", PropertyValue.String(r.Type)),
            ("workspaces", PropertyMaps.Strings(r.Workspaces))))))));
}
