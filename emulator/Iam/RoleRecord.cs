using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Iam;

/// <summary>A stored IAM role: a named group of policy references.</summary>
public sealed record RoleRecord(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<PolicyReference> Policies,
    IReadOnlyList<RoleAction> Actions,
    JsonObject? Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IOrganizationRecord;
