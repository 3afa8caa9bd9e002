using BirdInfra.Apply;
using BirdInfra.History;
using BirdInfra.Import;

namespace BirdInfra.Operations;

/// <summary>
/// The one way a host changes a stack: applies a plan (journaling every step) or records imported objects, saves state,
/// appends the run to the history and returns what happened for the host to print. `up`, `up --plan`, `destroy`,
/// `import`, `refresh` and `drift --record` all go through <see cref="RunAsync"/>; what to ask and print before and
/// after stays with the host.
/// </summary>
public static class StackOperation
{
    public static Task<StackChangeResult> RunAsync(StackSession session, StackChange change, IEngineHost host, CancellationToken cancellationToken) =>
        change switch
        {
            ApplyChange apply when !apply.Plan.Summary.HasChanges => RecordRefreshAsync(session, apply.Command, apply.Plan.Summary, host, cancellationToken),
            RefreshChange refresh => RecordRefreshAsync(session, refresh.Command, null, host, cancellationToken),
            ApplyChange apply => ApplyAsync(session, apply, host, cancellationToken),
            ImportChange import => ImportAsync(session, import, host, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Not a change this operation carries out."),
        };

    /// <summary>Nothing to apply: state still takes in what the refresh found (drift, gone objects), and the history says so.</summary>
    private static async Task<StackChangeResult> RecordRefreshAsync(StackSession session, string command, Planning.PlanSummary? summary, IEngineHost host, CancellationToken cancellationToken)
    {
        if (session.Refresh.Drift.IsEmpty && session.Refresh.State.Serial == session.RecordedState.Serial)
        {
            return new StackChangeResult(null, Recorded: false);
        }

        await session.Store.SaveAsync(session.Refresh.State, cancellationToken);
        return new StackChangeResult(null, await RecordAsync(session, host, command, summary, [], null, cancellationToken));
    }

    private static async Task<StackChangeResult> ApplyAsync(StackSession session, ApplyChange apply, IEngineHost host, CancellationToken cancellationToken)
    {
        // What the plan does to the keys' access, for the history: computed on what Bird holds before anything is applied.
        var access = AccessChanges.Lines(AccessChanges.Compute(session, apply.Root, apply.Destroy));
        var journal = new StateJournal(session.Store, session.Refresh.State);
        await journal.StartAsync(cancellationToken);
        var progress = new SynchronousProgress(host.Report);
        var applier = new Applier(session.Kinds, session.Target.Context(progress) with { StopWaiting = cancellationToken }, journal, progress, apply.Parallel);
        var outcome = await applier.ApplyAsync(apply.Plan, cancellationToken);

        // Every step is in the journal already; this folds them into state.json, whatever the outcome (even after Ctrl-C).
        await journal.CompleteAsync(CancellationToken.None);
        var error = outcome.Interrupted
            ? $"interrupted: {outcome.Completed} operation(s) finished; nothing else was started"
            : outcome.Succeeded ? null : string.Join("; ", outcome.Failures);
        var recorded = await RecordAsync(session, host, apply.Command, apply.Plan.Summary, HistoryRecorder.Changes(apply.Plan, outcome), error, cancellationToken, access);
        return new StackChangeResult(outcome, recorded);
    }

    private static async Task<StackChangeResult> ImportAsync(StackSession session, ImportChange import, IEngineHost host, CancellationToken cancellationToken)
    {
        await session.Store.SaveAsync(Importer.Record(session.Refresh.State, import.Plan), cancellationToken);
        var changes = import.Plan.Adopted.Select(e => new HistoryChange(e.Address.Kind, e.Address.Name, "import", e.Adopted!.Id, [], "done")).ToImmutableArray();
        return new StackChangeResult(null, await RecordAsync(session, host, import.Command, null, changes, null, cancellationToken));
    }

    /// <summary>Appends the run to the stack's history; a history that cannot be written is reported, never hides the run's own result.</summary>
    private static async Task<bool> RecordAsync(
        StackSession session, IEngineHost host, string command, Planning.PlanSummary? summary, ImmutableArray<HistoryChange> changes, string? error, CancellationToken cancellationToken, ImmutableArray<string> accessChanges = default)
    {
        try
        {
            var drift = session.Refresh.Drift.Select(d => $"{d.Address} ({d.Id}): {d.Description}").ToImmutableArray();
            await HistoryRecorder.AppendAsync(session.Backend.History, session.Paths, command, host.Environment, host.Time, summary, changes, drift, error, CancellationToken.None, accessChanges);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or StateException)
        {
            host.Report($"warning: could not append to {session.Backend.History.Name}: {e.Message}");
            return false;
        }
    }
}
