using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Iam;

/// <summary>A stored IAM policy. Policies are immutable on Bird's documented API (no update endpoint).</summary>
public sealed record PolicyRecord(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<PolicyDefinition> Definitions,
    JsonObject? Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IOrganizationRecord;
