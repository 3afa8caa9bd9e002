using Microsoft.Extensions.Hosting;

namespace BirdInfra.PulumiPlugin.Hosting;

/// <summary>
/// The plugin's root cancellation: <see cref="Cancel"/> (the engine's Cancel RPC, or the engine going away) aborts
/// in-flight Bird calls at once and stops the host once the current responses are written.
/// </summary>
public sealed class PluginLifetime : IDisposable
{
    private readonly CancellationTokenSource _root = new();
    private readonly IHostApplicationLifetime _host;

    public PluginLifetime(IHostApplicationLifetime host)
    {
        _host = host;
        host.ApplicationStopping.Register(() => _root.Cancel());
    }

    public CancellationToken Token => _root.Token;

    public void Cancel(TimeSpan? stopAfter = null)
    {
        _root.Cancel();

        // Give the Cancel response a moment to leave before the host stops the server.
        _ = Task.Delay(stopAfter ?? TimeSpan.FromMilliseconds(50), CancellationToken.None).ContinueWith(_ => _host.StopApplication(), TaskScheduler.Default);
    }

    public void Dispose() => _root.Dispose();
}
