using BirdInfra.State;

namespace BirdInfra.Apply;

/// <summary>Holds the current state during an apply and persists every change at once, one writer at a time.</summary>
public sealed class StateJournal(StateStore store, StackState initial)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public StackState Current { get; private set; } = initial;

    public async Task UpdateAsync(Func<StackState, StackState> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            Current = change(Current);

            // Written even when the run is being cancelled: a completed operation must never be lost.
            await store.SaveAsync(Current, CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
