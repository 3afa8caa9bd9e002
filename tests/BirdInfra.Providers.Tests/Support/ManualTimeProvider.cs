namespace BirdInfra.Providers.Tests.Support;

/// <summary>
/// A clock that moves only when the test moves it. Timers (and so <c>Task.Delay(…, time, …)</c>) fire inside
/// <see cref="Advance"/>, so a test can run a two-minute wait in microseconds, and deterministically.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private TaskCompletionSource _scheduled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset _now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Completes once some timer is waiting to fire (at once if one already is).</summary>
    public Task TimerScheduledAsync()
    {
        lock (_gate)
        {
            return _timers.Count > 0 ? Task.CompletedTask : _scheduled.Task;
        }
    }

    /// <summary>Moves the clock to the earliest waiting timer and fires it.</summary>
    public void AdvanceToNextTimer()
    {
        TimeSpan step;
        lock (_gate)
        {
            step = _timers.Count == 0 ? TimeSpan.Zero : _timers.Min(t => t.Due) - _now;
        }

        Advance(step < TimeSpan.Zero ? TimeSpan.Zero : step);
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.Due <= target).MinBy(t => t.Due);
                if (next is null)
                {
                    _now = target;
                    return;
                }

                _now = next.Due;
                _timers.Remove(next);
                if (next.Period > TimeSpan.Zero && next.Period != Timeout.InfiniteTimeSpan)
                {
                    next.Due = _now + next.Period;
                    Schedule(next);
                }
            }

            next.Fire();
        }
    }

    private void Schedule(ManualTimer timer)
    {
        _timers.Add(timer);
        _scheduled.TrySetResult();
        _scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                Period = period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    Due = owner._now + dueTime;
                    owner.Schedule(this);
                }
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
