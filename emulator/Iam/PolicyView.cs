using System.Text.Json.Nodes;

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
        p.Definitions.Select(d => d with { ConditionsAll = (JsonArray?)d.ConditionsAll?.DeepClone() }).ToList(),
        state.Roles.Values.Count(r => r.Policies.Any(x => x.Id == p.Id)),
        0,
        "organization",
        "organization",
        (JsonObject?)p.Metadata?.DeepClone(),
        p.CreatedAt,
        p.UpdatedAt);
}
