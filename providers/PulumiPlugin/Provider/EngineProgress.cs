using BirdInfra.Providers.PulumiWire;
using BirdInfra.PulumiPlugin.Protos;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;

namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>
/// Progress lines of a long operation (a connector's wait for its channel to be active) sent to the engine as
/// ephemeral <c>Engine.Log</c> INFO messages on the resource's URN, which <c>pulumi up</c> shows beside the resource.
/// A line that cannot be delivered goes to the plugin's own log. Reporting never blocks or fails the operation.
/// </summary>
internal sealed class EngineProgress(GrpcUnaryClient? engine, string urn, ILogger logger) : IProgress<string>
{
    public void Report(string value) => _ = SendAsync(value);

    private async Task SendAsync(string value)
    {
        if (engine is not null)
        {
            try
            {
                var request = new LogRequest { Severity = LogSeverity.Info, Message = value, Urn = urn, Ephemeral = true };
                await engine.CallAsync("pulumirpc.Engine", "Log", request, Empty.Parser, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (GrpcCallException)
            {
                // The engine is gone or refuses logs: the plugin's log still has the line.
            }
        }

        logger.LogInformation("{Urn}: {Progress}", urn, value);
    }
}
