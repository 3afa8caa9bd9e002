using System.Threading.Channels;
using BirdInfra.PulumiProgram.EngineProtos;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace BirdInfra.PulumiPlugin.Serving;

/// <summary>
/// Progress lines for the engine's display (<c>pulumirpc.Engine/Log</c>, with the resource's URN, <c>ephemeral</c>: Pulumi
/// shows them in the resource's row while its step runs and keeps none of them), such as a connector's channel status
/// while its create waits. Sent in order, one at a time, in the background: a line that cannot be delivered (no engine
/// address, the engine gone) is dropped and logged at debug level, never a reason for an operation to fail or wait;
/// after one failed call no more are tried for that address.
/// </summary>
public sealed class EngineLog : IDisposable
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<LogRequest> _queue = Channel.CreateBounded<LogRequest>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger<EngineLog> _logger;
    private readonly TimeProvider _time;
    private string? _address;

    public EngineLog(PluginArguments arguments, ILogger<EngineLog> logger, TimeProvider time)
    {
        _address = arguments.EngineAddress;
        _logger = logger;
        _time = time;
        _ = Task.Run(() => SendAsync(_stop.Token));
    }

    /// <summary>The engine's address, once Handshake or Attach names it (argv carries it too).</summary>
    public void UseAddress(string? address)
    {
        if (!string.IsNullOrWhiteSpace(address))
        {
            Volatile.Write(ref _address, address);
        }
    }

    /// <summary>Progress of the resource <paramref name="urn"/>, as ephemeral info lines.</summary>
    public IProgress<string> For(string urn) => new ResourceProgress(this, urn);

    public void Info(string urn, string message) =>
        _queue.Writer.TryWrite(new LogRequest { Severity = LogSeverity.Info, Message = message, Urn = urn, Ephemeral = true });

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stop.Cancel();
        _stop.Dispose();
    }

    /// <summary>
    /// A plain HttpClient under the channel: one connection attempt per call, failing at once when nothing serves gRPC
    /// there (the channel's own connection management would keep reconnecting until the call's deadline).
    /// </summary>
    private static GrpcChannel Open(string address) =>
        GrpcChannel.ForAddress(
            address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address,
            new GrpcChannelOptions
            {
                HttpClient = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) }),
                DisposeHttpClient = true,
            });

    private async Task SendAsync(CancellationToken stopping)
    {
        GrpcChannel? channel = null;
        string? channelAddress = null;
        string? refusedAddress = null;
        try
        {
            await foreach (var request in _queue.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                if (Volatile.Read(ref _address) is not { } address || address == refusedAddress)
                {
                    continue;
                }

                if (address != channelAddress)
                {
                    channel?.Dispose();
                    channel = Open(address);
                    channelAddress = address;
                }

                using var timeout = new CancellationTokenSource(SendTimeout, _time);
                using var call = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
                try
                {
                    await new Engine.EngineClient(channel).LogAsync(request, cancellationToken: call.Token).ConfigureAwait(false);
                }
                catch (RpcException e)
                {
                    // An engine that does not take a Log call takes none: stop trying (and close the channel, so no
                    // reconnection runs in the background) until another address is named.
                    _logger.LogDebug("Progress lines are not sent to the engine at {Address}: {Status}", address, e.Status);
                    refusedAddress = address;
                    channel?.Dispose();
                    channel = null;
                    channelAddress = null;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            channel?.Dispose();
        }
    }
}
