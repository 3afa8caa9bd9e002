
namespace BirdInfra.Guards;

/// <summary>
/// Checks a plan against the stack's guards before anything is sent: protected resources are never deleted
/// or replaced, and one <c>up</c> makes at most guards.maxDestructiveChanges deletions plus replacements
/// unless --allow-destructive-changes is given. Destroy honours protection; the limit does not apply to it.
/// </summary>
public static class GuardCheck
{
    /// <param name="kinds">The kinds, whose sections protection rules name.</param>
    public static GuardReport Evaluate(Plan plan, GuardsDefinition guards, KindRegistry kinds, bool destroy, bool allowDestructiveChanges)
    {
        var violations = ImmutableArray.CreateBuilder<GuardViolation>();
        var destructive = plan.Changes.Where(c => c.Action is PlanAction.Delete or PlanAction.Replace).ToList();
        foreach (var change in destructive)
        {
            if (guards.ProtectionOf(kinds.SectionOf(change.Address.Kind), change.Address.Name) is { } rule)
            {
                violations.Add(new GuardViolation(GuardRule.Protected, change, Reason(change, destroy), rule.Origin, rule.Location, rule.YamlPath));
            }
        }

        var limit = destroy ? null : guards.MaxDestructiveChanges;
        if (limit is { } max && destructive.Count > max && !allowDestructiveChanges)
        {
            violations.Add(new GuardViolation(
                GuardRule.MaxDestructiveChanges,
                null,
                $"This run would delete or replace {Resources(destructive.Count)}; guards.maxDestructiveChanges allows {max}",
                $"guards.maxDestructiveChanges at {guards.MaxDestructiveChangesLocation}",
                guards.MaxDestructiveChangesLocation,
                "guards.maxDestructiveChanges"));
        }

        return new GuardReport(violations.ToImmutable(), destructive.Count, limit, allowDestructiveChanges);
    }

    public static string Resources(int count) => $"{count} resource{(count == 1 ? string.Empty : "s")}";

    private static string Reason(PlannedChange change, bool destroy)
    {
        if (change.Action == PlanAction.Delete)
        {
            return destroy && !change.Deposed ? "destroy deletes everything the stack owns" : change.Reason;
        }

        var forcing = change.Changes.Where(c => c.ForcesReplacement).Select(c => c.Path).ToList();
        return forcing.Count switch
        {
            0 => change.Reason,
            1 => $"{forcing[0]} forces a replacement",
            _ => $"{string.Join(", ", forcing)} force a replacement",
        };
    }
}
