using BirdInfra.Emulator.Store;

namespace BirdInfra.Emulator.Iam;

/// <summary>
/// Wire shape of GET one access key when roles are expanded: <c>roles</c> (full role objects, which carry no
/// workspaces) instead of the list's <c>roleRefs</c>. Never carries the token.
/// </summary>
public sealed record AccessKeyDetailView(
    string Id,
    string OrganizationId,
    string Name,
    string Description,
    string Type,
    string Suffix,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<RoleView> Roles)
{
    public static AccessKeyDetailView From(AccessKeyRecord k, EmulatorState state) => new(
        k.Id,
        state.Bootstrap.OrganizationId,
        k.Name,
        k.Description,
        "user",
        k.Suffix,
        k.LastUsedAt,
        k.CreatedAt,
        k.UpdatedAt,
        k.RoleRefs.Select(r => state.Roles.TryGetValue(r.Id, out var role) ? RoleView.From(role, state) : null).OfType<RoleView>().ToList());
}
