using BirdInfra.PulumiProgram.EngineProtos;
using Grpc.Core;
using Grpc.Net.Client;

namespace BirdInfra.PulumiProgram.Rpc;

/// <summary>
/// <c>pulumirpc.Engine/Log</c>: diagnostics shown by <c>pulumi</c> (attached to a resource when a URN is given).
/// A log that cannot be delivered falls back to stderr, which the CLI also shows.
/// </summary>
public sealed class EngineLogClient(GrpcChannel? channel, TextWriter fallback)
{
    private readonly EngineProtos.Engine.EngineClient? _client = channel is null ? null : new EngineProtos.Engine.EngineClient(channel);

    public async Task LogAsync(LogSeverity severity, string message, string? urn, CancellationToken cancellationToken)
    {
        if (_client is not null)
        {
            try
            {
                var request = new LogRequest { Severity = severity, Message = message, Urn = urn ?? string.Empty };
                await _client.LogAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RpcException)
            {
                // The engine is gone or refuses logs: stderr still reaches the user through the language host.
            }
        }

        await fallback.WriteLineAsync($"{severity.ToString().ToLowerInvariant()}: {message}").ConfigureAwait(false);
    }

    public Task ErrorAsync(string message, string? urn, CancellationToken cancellationToken) =>
        LogAsync(LogSeverity.Error, message, urn, cancellationToken);
}
