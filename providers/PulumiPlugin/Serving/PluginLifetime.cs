using Microsoft.Extensions.Hosting;

namespace BirdInfra.PulumiPlugin.Serving;

/// <summary>
/// The plugin's two ways of stopping. The engine's Cancel RPC (the user's first Ctrl-C, or the engine finishing) winds
/// down: no new change is sent to Bird (<see cref="IsCancelled"/>) and waits end early (<see cref="StopWaiting"/>), but
/// a call already talking to Bird finishes so its outcome is known, and the plugin keeps serving until the engine
/// closes it. The engine going away (SIGINT/SIGTERM, its address closed, the host stopping) ends everything:
/// <see cref="EngineGone"/> aborts in-flight Bird calls and the host stops.
/// </summary>
public sealed class PluginLifetime : IDisposable
{
    private readonly CancellationTokenSource _cancelled = new();
    private readonly CancellationTokenSource _gone = new();
    private readonly IHostApplicationLifetime _host;

    public PluginLifetime(IHostApplicationLifetime host)
    {
        _host = host;
        host.ApplicationStopping.Register(Abort);
    }

    /// <summary>True once the engine sent Cancel: a call that would change Bird is refused before it sends anything.</summary>
    public bool IsCancelled => _cancelled.IsCancellationRequested;

    /// <summary>Cancelled by Cancel (and when the engine goes away): long waits end and report what exists.</summary>
    public CancellationToken StopWaiting => _cancelled.Token;

    /// <summary>Cancelled only when the engine goes away: nobody is left to receive an answer, so Bird calls stop too.</summary>
    public CancellationToken EngineGone => _gone.Token;

    public void Cancel() => _cancelled.Cancel();

    public void Shutdown()
    {
        Abort();
        _host.StopApplication();
    }

    public void Dispose()
    {
        _cancelled.Dispose();
        _gone.Dispose();
    }

    private void Abort()
    {
        _cancelled.Cancel();
        _gone.Cancel();
    }
}
