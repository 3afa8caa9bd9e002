using System.Text.Json.Nodes;
using BirdInfra.Emulator.Store;

namespace BirdInfra.Emulator.Iam;

/// <summary>Wire shape of an IAM policy, with the read-only counts, scope and type.</summary>
public sealed record PolicyView(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<PolicyDefinition> Definitions,
    int RolesDependencyCount,
    int UsersDependencyCount,
    string Scope,
    string Type,
    JsonObject? Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PolicyView From(PolicyRecord p, EmulatorState state) => new(
        p.Id,
        p.Name,
        p.Description,
        p.Definitions,
        state.Roles.Values.Count(r => r.Policies.Any(x => x.Id == p.Id)),
        0,
        "organization",
        "organization",
        p.Metadata,
        p.CreatedAt,
        p.UpdatedAt);
}
