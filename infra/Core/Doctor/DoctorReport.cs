
namespace BirdInfra.Doctor;

/// <summary>What <c>doctor</c> found: every check in order, and the policy rows the refused calls need.</summary>
public sealed record DoctorReport(ImmutableArray<DoctorCheck> Checks, ImmutableArray<MissingPermission> MissingPermissions)
{
    public bool HasFailures => Checks.Any(c => c.Status == CheckStatus.Fail);

    /// <summary>The missing rows as policy definitions, one per action, resources sorted: what to paste under <c>definitions:</c>.</summary>
    public IEnumerable<(string Action, ImmutableArray<string> Resources)> Definitions =>
        MissingPermissions.GroupBy(p => p.Action)
            .OrderBy(g => ActionOrder(g.Key))
            .Select(g => (g.Key, g.Select(p => p.Resource).Distinct().Order(StringComparer.Ordinal).ToImmutableArray()));

    private static int ActionOrder(string action) => Array.IndexOf(["view", "create", "update", "delete"], action);
}
