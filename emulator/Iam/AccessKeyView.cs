namespace BirdInfra.Emulator.Iam;

/// <summary>Wire shape of an access key; never carries the token.</summary>
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
    IReadOnlyList<RoleReference> RoleRefs)
{
    public static AccessKeyView From(AccessKeyRecord k, string organizationId) => new(
        k.Id, organizationId, k.Name, k.Description, "user", k.Suffix, k.LastUsedAt, k.CreatedAt, k.UpdatedAt, k.RoleRefs);
}
