using System.Text.Json.Serialization;

namespace BirdInfra.Emulator.Iam;

/// <summary>
/// Wire shape of an access key, never with the token: the list (and create) carry <c>roleRefs</c>; GET of one key,
/// when roles are expanded, carries <c>roles</c> (full role objects, which carry no workspaces) instead.
/// </summary>
public sealed record AccessKeyView(
    string Id,
    string OrganizationId,
    string Name,
    string Description,
    string Type,
    string Suffix,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RoleReference>? RoleRefs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RoleView>? Roles = null)
{
    public static AccessKeyView From(AccessKeyRecord k, string organizationId) => new(
        k.Id, organizationId, k.Name, k.Description, "user", k.Suffix, k.LastUsedAt, k.CreatedAt, k.UpdatedAt, k.RoleRefs);

    /// <summary>GET of one key with its roles expanded.</summary>
    public static AccessKeyView Expanded(AccessKeyRecord k, EmulatorState state) =>
        From(k, state.Bootstrap.OrganizationId) with
        {
            RoleRefs = null,
            Roles = k.RoleRefs.Select(r => state.Roles.TryGetValue(r.Id, out var role) ? RoleView.From(role, state) : null).OfType<RoleView>().ToList(),
        };
}
