namespace BirdInfra.Emulator.Iam;

/// <summary>A stored access key. Only the SHA-256 hash of the token and its last 4 characters are kept.</summary>
public sealed record AccessKeyRecord(
    string Id,
    string Name,
    string Description,
    string TokenHash,
    string Suffix,
    IReadOnlyList<RoleReference> RoleRefs,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IOrganizationRecord;
