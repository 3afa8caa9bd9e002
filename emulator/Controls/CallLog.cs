namespace BirdInfra.Emulator.Controls;

/// <summary>In-memory log of API requests (not <c>/_emulator</c>), bounded, resettable.</summary>
public sealed class CallLog
{
    private const int Capacity = 100_000;

    private readonly Lock _gate = new();
    private readonly Queue<CallRecord> _calls = new();
    private readonly List<(Func<IReadOnlyCollection<CallRecord>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public void Add(CallRecord call)
    {
        List<TaskCompletionSource>? met = null;
        lock (_gate)
        {
            _calls.Enqueue(call);
            if (_calls.Count > Capacity)
            {
                _calls.Dequeue();
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition(_calls))
                {
                    (met ??= []).Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        met?.ForEach(done => done.TrySetResult());
    }

    public IReadOnlyList<CallRecord> Snapshot()
    {
        lock (_gate)
        {
            return _calls.ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    /// <summary>
    /// Completes as soon as the logged calls meet <paramref name="condition"/> (at once if they already do). The
    /// condition runs under the log's lock after each call is logged: keep it cheap and free of side effects. For an
    /// embedding process (tests) that must act the moment Bird has answered a given call.
    /// </summary>
    public async Task WaitUntilAsync(Func<IReadOnlyCollection<CallRecord>, bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_calls))
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        using (cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }

            done.TrySetCanceled(cancellationToken);
        }))
        {
            await done.Task.ConfigureAwait(false);
        }
    }
}
