using BirdInfra.PulumiProgram.Grpc;
using BirdInfra.PulumiProgram.Protos;
using Google.Protobuf.WellKnownTypes;

namespace BirdInfra.PulumiProgram.Rpc;

/// <summary>
/// <c>pulumirpc.Engine/Log</c>: diagnostics shown by <c>pulumi</c> (attached to a resource when a URN is given).
/// A log that cannot be delivered falls back to stderr, which the CLI also shows.
/// </summary>
public sealed class EngineLogClient(GrpcUnaryClient? channel, TextWriter fallback)
{
    public async Task LogAsync(LogSeverity severity, string message, string? urn, CancellationToken cancellationToken)
    {
        if (channel is not null)
        {
            try
            {
                var request = new LogRequest { Severity = severity, Message = message, Urn = urn ?? string.Empty };
                await channel.CallAsync("pulumirpc.Engine", "Log", request, Empty.Parser, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (GrpcCallException)
            {
                // The engine is gone or refuses logs: stderr still reaches the user through the language host.
            }
        }

        await fallback.WriteLineAsync($"{severity.ToString().ToLowerInvariant()}: {message}").ConfigureAwait(false);
    }

    public Task ErrorAsync(string message, string? urn, CancellationToken cancellationToken) =>
        LogAsync(LogSeverity.Error, message, urn, cancellationToken);
}
