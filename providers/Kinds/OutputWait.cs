
namespace BirdInfra.Providers.Kinds;

/// <summary>
/// Waits until Bird has filled in a created object's <see cref="IResourceKind.LateOutputs"/> (a connector's channel),
/// reading the object on the context's clock every <see cref="ProviderContext.LateOutputPollInterval"/> (doubling up to
/// 5 s) for at most <see cref="ProviderContext.LateOutputTimeout"/>, or until <see cref="ProviderContext.StopWaiting"/>
/// fires (the run is being cancelled). The object exists by then, so every way the wait can end early (timeout,
/// cancellation, object gone, a failed read, a status that cannot become ready: <see cref="ILateOutputs.Failed"/>) is a half-done create: <see cref="ResourceInitFailedException"/> with the
/// object as far as it is known, which the engine records instead of losing it. Used by a kind's own create and by
/// <see cref="ExactlyOnceCreate"/> when it adopts an object whose create answer was lost. While several objects of a kind
/// with an <see cref="ILateOutputsListing"/> wait at once, their polls share one listing (<see cref="LateOutputPolling"/>).
/// </summary>
public static class OutputWait
{
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<ResourceSnapshot> WaitAsync(IResourceKind kind, ProviderContext context, ResourceSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (kind.LateOutputs is not { } late)
        {
            return snapshot;
        }

        // From here on the operation only reads until its outputs are there: it need not hold one of the engine's slots.
        if (!late.AreFilled(snapshot))
        {
            context.WaitStarted?.Invoke();
        }

        var polling = LateOutputPolling.Join(kind, context);
        try
        {
            return await WaitAsync(kind, late, polling, context, snapshot, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            polling?.Leave();
        }
    }

    private static async Task<ResourceSnapshot> WaitAsync(IResourceKind kind, ILateOutputs late, LateOutputPolling? polling, ProviderContext context, ResourceSnapshot snapshot, CancellationToken cancellationToken)
    {
        // The delays and reads end on either token; which one fired decides between "stopped waiting" and "cancelled".
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.StopWaiting);
        var started = context.Time.GetTimestamp();
        var interval = context.LateOutputPollInterval > TimeSpan.Zero ? context.LateOutputPollInterval : DefaultPollInterval;
        while (!late.AreFilled(snapshot))
        {
            var elapsed = context.Time.GetElapsedTime(started);
            var remaining = context.LateOutputTimeout - elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new ResourceInitFailedException(kind.Name, snapshot, late.TimedOut(snapshot, context.LateOutputTimeout));
            }

            if (context.StopWaiting.IsCancellationRequested)
            {
                throw new ResourceInitFailedException(kind.Name, snapshot, late.StoppedWaiting(snapshot));
            }

            context.Progress?.Report(late.Waiting(snapshot, elapsed, context.LateOutputTimeout));
            try
            {
                // The last delay ends exactly at the deadline, so a timeout is reported on time.
                var delay = polling?.NextDelay(interval) ?? interval;
                await Task.Delay(delay < remaining ? delay : remaining, context.Time, wait.Token).ConfigureAwait(false);
                var polled = interval;
                interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxPollInterval.Ticks));

                // Several objects waiting: one listing answers them all, and only an object it shows is read itself.
                if (polling is { Shared: true }
                    && await polling.FilledAsync(context, polled / 2, wait.Token).ConfigureAwait(false) is { } filled
                    && !filled.Contains(snapshot.Id))
                {
                    continue;
                }

                // A read cut short loses nothing: the object as last read is what is reported.
                snapshot = await ReadAsync(kind, context, late, snapshot, wait.Token).ConfigureAwait(false)
                    ?? throw new ResourceInitFailedException(kind.Name, snapshot, late.Disappeared(snapshot));

                // Only a fresh read counts: what an earlier run recorded may have changed since.
                if (late.Failed(snapshot) is { } failed)
                {
                    throw new ResourceInitFailedException(kind.Name, snapshot, failed);
                }
            }
            catch (OperationCanceledException) when (context.StopWaiting.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new ResourceInitFailedException(kind.Name, snapshot, late.StoppedWaiting(snapshot));
            }
        }

        context.Progress?.Report(late.Filled(snapshot));
        return snapshot;
    }

    private static async Task<ResourceSnapshot?> ReadAsync(IResourceKind kind, ProviderContext context, ILateOutputs late, ResourceSnapshot snapshot, CancellationToken cancellationToken)
    {
        try
        {
            return await kind.ReadAsync(context, snapshot, cancellationToken).ConfigureAwait(false);
        }
        catch (BirdApiException e)
        {
            // Not "not created": that would leave an object in Bird nobody owns.
            throw new ResourceInitFailedException(kind.Name, snapshot, late.ReadFailed(snapshot, e.Message));
        }
    }
}
