
namespace BirdInfra.Guards;

/// <summary>
/// One reason the guards stop a run: a protected resource the plan would delete or replace (<see cref="Change"/>
/// set), or the limit on destructive changes. <see cref="Source"/> is where the stack file sets the guard.
/// </summary>
/// <param name="Reason">Why the change is destructive ("phoneNumber forces a replacement"), or the count against the limit.</param>
/// <param name="Origin">Where the guard comes from, for people: "guards.protect ('connectors') at stacks/prod.yaml:4:14".</param>
public sealed record GuardViolation(GuardRule Rule, PlannedChange? Change, string Reason, string Origin, SourceLocation? Source, string? YamlPath)
{
    public string Message => Change is { } change
        ? $"{change.Address} is protected and would be {(change.Action == PlanAction.Replace ? "replaced" : "deleted")}: {Reason}."
        : $"{Reason}.";

    public string Hint => Rule == GuardRule.Protected
        ? "Remove the protection in the stack file first (protect: false on the resource, or take it out of guards.protect), run again, then put it back. --allow-destructive-changes does not override protection."
        : "Check the plan above. If these deletions and replacements are intended, run again with --allow-destructive-changes.";
}
