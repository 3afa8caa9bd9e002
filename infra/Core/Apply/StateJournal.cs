
namespace BirdInfra.Apply;

/// <summary>
/// Holds the current state during an apply and records every step at once, in order: appended to the stack's journal and
/// fsynced (steps that finish together share one fsync) rather than rewriting the whole snapshot, so recording N steps
/// costs O(N), not O(N²). The snapshot is written before the first step, whenever the journal outgrows its bound, and
/// by <see cref="CompleteAsync"/> at the end of the run (docs/state-journal.md).
/// </summary>
public sealed class StateJournal(StateStore store, StackState initial)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _started;

    public StackState Current { get; private set; } = initial;

    /// <summary>Writes the snapshot the journal continues (the first step does it too when this was not called).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            await store.SaveAsync(Current, CancellationToken.None);
            _started = true;
        }
        finally
        {
            _gate.Release();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Applies <paramref name="changes"/> to <see cref="Current"/> as one step and returns once the step is on disk. It is
    /// recorded even when the run is being cancelled: a completed operation must never be lost.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<StateChange> changes, CancellationToken cancellationToken)
    {
        Task durable;
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (!_started)
            {
                await store.SaveAsync(Current, CancellationToken.None);
                _started = true;
            }

            var next = Current;
            foreach (var change in changes)
            {
                next = change.ApplyTo(next);
            }

            Current = next;

            // Queued under the gate, so entries are in step order; their fsync is awaited outside it, where steps that
            // finish meanwhile join the same write.
            durable = store.AppendAsync(next, changes);
            if (store.JournalIsLarge)
            {
                await store.SaveAsync(Current, CancellationToken.None);
            }
        }
        finally
        {
            _gate.Release();
        }

        await durable;
        cancellationToken.ThrowIfCancellationRequested();
    }

    public Task RecordAsync(StateChange change, CancellationToken cancellationToken) => RecordAsync([change], cancellationToken);

    /// <summary>
    /// A change that is not a journal step (e.g. a whole refreshed state): applied, then written as a full snapshot. Apply
    /// steps go through <see cref="RecordAsync(IReadOnlyList{StateChange}, CancellationToken)"/>, which stays linear.
    /// </summary>
    public async Task UpdateAsync(Func<StackState, StackState> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            Current = change(Current);
            await store.SaveAsync(Current, CancellationToken.None);
            _started = true;
        }
        finally
        {
            _gate.Release();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Folds the journal into a new snapshot at the end of a run, whatever its outcome.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (_started && store.HasJournal)
            {
                await store.SaveAsync(Current, CancellationToken.None);
            }
        }
        finally
        {
            _gate.Release();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
