namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>
/// The token for one engine request's Bird calls: the engine dropping the call, the engine going away, or the request's
/// own timeout, counted on the provider's clock. The engine's Cancel is not in it: a create already sent must learn its
/// outcome (Cancel only ends waits).
/// </summary>
public sealed class RequestCancellation : IDisposable
{
    private readonly CancellationTokenSource? _timeout;
    private readonly CancellationTokenSource _linked;

    /// <param name="timeoutSeconds">The engine's per-request timeout; 0 or less for none.</param>
    public RequestCancellation(CancellationToken request, CancellationToken engineGone, double timeoutSeconds, TimeProvider time)
    {
        _timeout = timeoutSeconds > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds), time) : null;
        _linked = CancellationTokenSource.CreateLinkedTokenSource(request, engineGone, _timeout?.Token ?? CancellationToken.None);
    }

    public CancellationToken Token => _linked.Token;

    public bool IsCancellationRequested => _linked.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _timeout?.Dispose();
    }
}
