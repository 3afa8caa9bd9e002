using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BirdInfra.PulumiPlugin.Serving;

/// <summary>
/// Exits the plugin when the engine goes away (its address stops accepting connections), so a crashed CLI leaves no
/// orphan, within a second. Polls every <c>BIRD_PLUGIN_ENGINE_CHECK_SECONDS</c> (default 0.25 s: a loopback connect
/// costs microseconds); off without an engine address.
/// </summary>
public sealed class EngineWatcher : BackgroundService
{
    public const string IntervalVariable = "BIRD_PLUGIN_ENGINE_CHECK_SECONDS";

    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(0.25);

    private readonly PluginArguments _arguments;
    private readonly PluginLifetime _lifetime;
    private readonly ILogger<EngineWatcher> _logger;
    private readonly TimeProvider _time;

    public EngineWatcher(PluginArguments arguments, PluginLifetime lifetime, ILogger<EngineWatcher> logger, TimeProvider time)
    {
        _time = time;
        _arguments = arguments;
        _lifetime = lifetime;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_arguments.EngineAddress is not { } address || !TrySplit(address, out var host, out var port))
        {
            return;
        }

        var interval = double.TryParse(Environment.GetEnvironmentVariable(IntervalVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, _time, stoppingToken).ConfigureAwait(false);
                if (!await IsReachableAsync(host, port, _time, stoppingToken).ConfigureAwait(false))
                {
                    _logger.LogWarning("The engine at {Address} no longer accepts connections; shutting down.", address);
                    _lifetime.Shutdown();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<bool> IsReachableAsync(string host, int port, TimeProvider time, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static bool TrySplit(string address, out string host, out int port)
    {
        var colon = address.LastIndexOf(':');
        host = colon > 0 ? address[..colon].Trim('[', ']') : string.Empty;
        port = 0;
        return colon > 0 && int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536;
    }
}
