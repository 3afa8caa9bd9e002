using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace BirdInfra.Providers.Kinds;

/// <summary>
/// The objects of one kind waiting for late outputs at the same time on one Bird client and workspace (see
/// <see cref="OutputWait"/>). With more than one waiting, polls fall on a shared clock grid (each at a multiple of its own
/// interval, and the intervals are 200 ms × 2ⁿ or 5 s, all multiples of the first), so waiters due together share one
/// listing (<see cref="ILateOutputsListing"/>). When the list cannot be read (a key without access to it), every waiter
/// goes back to reading its own object.
/// </summary>
internal sealed class LateOutputPolling
{
    private static readonly ConditionalWeakTable<BirdClient, ConcurrentDictionary<(string Workspace, string Kind), LateOutputPolling>> ByClient = new();
    private readonly Lock _sync = new();
    private readonly ILateOutputsListing _listing;
    private readonly TimeProvider _time;
    private readonly long _epoch;
    private int _waiters;
    private volatile bool _listUnreadable;
    private Task<IReadOnlySet<string>?>? _latest;
    private long _latestStarted;

    private LateOutputPolling(ILateOutputsListing listing, TimeProvider time)
    {
        _listing = listing;
        _time = time;
        _epoch = time.GetTimestamp();
    }

    /// <summary>Counts the caller among the waiters of its kind; null for a kind without a listing. Pair with <see cref="Leave"/>.</summary>
    public static LateOutputPolling? Join(IResourceKind kind, ProviderContext context)
    {
        if (kind is not ILateOutputsListing listing)
        {
            return null;
        }

        var polling = ByClient.GetValue(context.Client, _ => new())
            .GetOrAdd((context.WorkspaceId, kind.Name), _ => new LateOutputPolling(listing, context.Time));
        Interlocked.Increment(ref polling._waiters);
        return polling;
    }

    public void Leave() => Interlocked.Decrement(ref _waiters);

    /// <summary>Others wait too and the list can be read: polls are aligned and answered by the shared listing.</summary>
    public bool Shared => Volatile.Read(ref _waiters) > 1 && !_listUnreadable;

    /// <summary>How long until this waiter's next poll: <paramref name="interval"/>, or when shared the next multiple of it on the common clock at least half an interval away.</summary>
    public TimeSpan NextDelay(TimeSpan interval)
    {
        if (!Shared || interval <= TimeSpan.Zero)
        {
            return interval;
        }

        var elapsed = _time.GetElapsedTime(_epoch);
        var slots = Math.Ceiling((elapsed + (interval / 2)) / interval);
        return (interval * slots) - elapsed;
    }

    /// <summary>
    /// The ids the list shows, from a listing in flight or started less than <paramref name="fresh"/> ago, else from a new
    /// one; null when the list cannot be read (then read the object itself).
    /// </summary>
    public async Task<IReadOnlySet<string>?> FilledAsync(ProviderContext context, TimeSpan fresh, CancellationToken cancellationToken)
    {
        Task<IReadOnlySet<string>?> listing;
        lock (_sync)
        {
            if (_latest is null || (_latest.IsCompleted && _time.GetElapsedTime(_latestStarted) >= fresh))
            {
                _latestStarted = _time.GetTimestamp();
                _latest = ListAsync(context);
            }

            listing = _latest;
        }

        // Shared by every waiter due now, so it is not cut when one of them stops waiting.
        return await listing.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlySet<string>?> ListAsync(ProviderContext context)
    {
        try
        {
            return await _listing.ListFilledAsync(context, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BirdApiException or InvalidOperationException)
        {
            _listUnreadable = true;
            return null;
        }
    }
}
