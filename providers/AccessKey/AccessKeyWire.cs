namespace BirdInfra.Providers.AccessKey;

/// <summary>
/// An access key as Bird sends it (never with the token). The list answers <c>roleRefs</c>; a GET of one key may
/// answer <c>roles</c> (full role objects, without workspaces) instead, so both are read.
/// </summary>
internal sealed record AccessKeyWire(
    string Id,
    string Name,
    string? Description,
    string? Type,
    string? Suffix,
    IReadOnlyList<RoleRefWire>? RoleRefs,
    IReadOnlyList<ExpandedRoleWire>? Roles = null);
