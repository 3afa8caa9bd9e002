
namespace BirdInfra.Guards;

/// <summary>What the guards say about one plan: the violations (the run stops when there is any) and the destructive count.</summary>
/// <param name="DestructiveChanges">Deletions plus replacements in the plan.</param>
/// <param name="Limit">guards.maxDestructiveChanges; null when there is none or it does not apply (destroy).</param>
public sealed record GuardReport(ImmutableArray<GuardViolation> Violations, int DestructiveChanges, int? Limit, bool AllowDestructiveChanges)
{
    public bool Stops => !Violations.IsEmpty;

    /// <summary>The limit is passed but --allow-destructive-changes lets the run go on.</summary>
    public bool LimitOverridden => AllowDestructiveChanges && Limit is { } limit && DestructiveChanges > limit;

    public GuardViolation? ProtectionOf(PlannedChange change) =>
        Violations.FirstOrDefault(v => v.Rule == GuardRule.Protected && ReferenceEquals(v.Change, change));

    /// <summary>One line for the error stream: what stopped the run.</summary>
    public string Summary()
    {
        var parts = new List<string>();
        var protectedCount = Violations.Count(v => v.Rule == GuardRule.Protected);
        if (protectedCount > 0)
        {
            parts.Add($"{protectedCount} protected resource{(protectedCount == 1 ? string.Empty : "s")} would be deleted or replaced");
        }

        if (Violations.Any(v => v.Rule == GuardRule.MaxDestructiveChanges))
        {
            parts.Add($"it would delete or replace {GuardCheck.Resources(DestructiveChanges)}, more than guards.maxDestructiveChanges ({Limit}) allows");
        }

        return string.Join("; ", parts);
    }
}
