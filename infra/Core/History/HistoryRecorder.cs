using BirdInfra.Apply;
using BirdInfra.Rendering;

namespace BirdInfra.History;

/// <summary>
/// Appends the record of a command that changed a stack's state: who, when, from which commit, what it did and how it
/// ended. `up`, `destroy`, `refresh` and `up --plan` call it; so can any other command that writes state (e.g. `import`,
/// with <see cref="Change(string, string, string, string?, ImmutableArray{HistoryProperty}, string)"/> for each object it took in).
/// </summary>
public static class HistoryRecorder
{
    /// <param name="command">The command as a user would type it, without secrets: "up", "destroy", "up --plan plan.json".</param>
    /// <param name="error">Null when the command succeeded; otherwise what went wrong.</param>
    /// <param name="accessChanges">What the run did to the keys' access, one line each.</param>
    /// <param name="findings">A `drift` run's counts (see <see cref="AppendDriftAsync"/>).</param>
    public static async Task AppendAsync(
        HistoryStore store,
        StackPaths paths,
        string command,
        Func<string, string?> environment,
        TimeProvider time,
        PlanSummary? summary,
        ImmutableArray<HistoryChange> changes,
        ImmutableArray<string> drift,
        string? error,
        CancellationToken cancellationToken,
        ImmutableArray<string> accessChanges = default,
        DriftFindings? findings = null)
    {
        var (who, ci) = HistoryActor.Detect(environment);
        var git = await GitCommit.FindAsync(paths.StackFile, cancellationToken);
        var record = new HistoryRecord(
            time.GetUtcNow(),
            paths.Stack,
            command,
            who,
            ci,
            git?.Commit,
            git?.Modified ?? false,
            summary,
            changes,
            drift,
            error is null ? HistoryRecord.Succeeded : HistoryRecord.Failed,
            error)
        {
            Findings = findings,
            AccessChanges = accessChanges.IsDefault ? [] : accessChanges,
        };
        await store.AppendAsync(record, cancellationToken);
    }

    /// <summary>
    /// Appends a `drift` run's record: its counts and the addresses of what it found (masked text, no secret). The
    /// command calls it when it found something, and for the first clean run after such a record.
    /// </summary>
    public static Task AppendDriftAsync(
        HistoryStore store,
        StackPaths paths,
        Func<string, string?> environment,
        TimeProvider time,
        DriftFindings findings,
        ImmutableArray<string> addresses,
        CancellationToken cancellationToken) =>
        AppendAsync(store, paths, "drift", environment, time, null, [], addresses, null, cancellationToken, findings: findings);

    /// <summary>Each change of the plan (unchanged resources left out) with how the apply ended for it.</summary>
    public static ImmutableArray<HistoryChange> Changes(Plan plan, ApplyResult outcome)
    {
        string Status(PlannedChange change)
        {
            var operation = change.Action.ToString();
            if (outcome.Done.Any(d => d.Address == change.Address && d.Operation == operation))
            {
                return "done";
            }

            // The applier reports a change whose dependency failed as a failure that says it was skipped.
            return outcome.Failures.FirstOrDefault(f => f.Address == change.Address) switch
            {
                null => "not done",
                { Message: var message } when message.StartsWith("skipped", StringComparison.Ordinal) => "skipped",
                _ => "failed",
            };
        }

        return [.. plan.Changes.Where(c => c.Action != PlanAction.Same).Select(c => Change(c, Status(c)))];
    }

    /// <summary>A planned change as history shows it: for a create its inputs, for an update or replacement old → new per property.</summary>
    public static HistoryChange Change(PlannedChange change, string status)
    {
        var properties = change.Action switch
        {
            PlanAction.Create => change.DesiredInputs!.Select(kv => new HistoryProperty(kv.Key, null, ValueText.Inline(kv.Value))),
            PlanAction.Update or PlanAction.Replace => change.Changes.Select(d => new HistoryProperty(d.Path, ValueText.Inline(d.Old), ValueText.Inline(d.New))),
            _ => [],
        };
        return Change(change.Address.Kind, change.Address.Name, change.Action.Word(), change.Current?.Id, [.. properties], status);
    }

    /// <summary>A change a command made some other way than through a plan (an import); the properties must be masked already.</summary>
    public static HistoryChange Change(string kind, string name, string action, string? id, ImmutableArray<HistoryProperty> properties, string status) =>
        new(kind, name, action, id, properties, status);
}
