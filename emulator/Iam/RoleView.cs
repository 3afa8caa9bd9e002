using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Iam;

/// <summary>Wire shape of a role; responses expand policy references into full policy objects (fact sheet §2.4).</summary>
public sealed record RoleView(
    string Id,
    string OrganizationId,
    string Name,
    string Description,
    string Type,
    IReadOnlyList<PolicyView> Policies,
    IReadOnlyList<RoleAction> Actions,
    int UsersDependencyCount,
    int AccessKeysDependencyCount,
    JsonObject? Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static RoleView From(RoleRecord r, EmulatorState state) => new(
        r.Id,
        state.Bootstrap.OrganizationId,
        r.Name,
        r.Description,
        "organization",
        r.Policies.Select(p => state.Policies.TryGetValue(p.Id, out var policy) ? PolicyView.From(policy, state) : null)
            .OfType<PolicyView>().ToList(),
        r.Actions,
        0,
        state.AccessKeys.Values.Count(k => k.RoleRefs.Any(x => x.Id == r.Id)),
        (JsonObject?)r.Metadata?.DeepClone(),
        r.CreatedAt,
        r.UpdatedAt);
}
