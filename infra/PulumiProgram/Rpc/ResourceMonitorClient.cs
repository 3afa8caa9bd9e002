using BirdInfra.PulumiProgram.EngineProtos;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace BirdInfra.PulumiProgram.Rpc;

/// <summary>The calls a program makes on the engine's <c>pulumirpc.ResourceMonitor</c> service (generated client).</summary>
public sealed class ResourceMonitorClient(GrpcChannel channel)
{
    private readonly ResourceMonitor.ResourceMonitorClient _client = new(channel);

    public async Task<RegisterResourceResponse> RegisterResourceAsync(RegisterResourceRequest request, CancellationToken cancellationToken) =>
        await _client.RegisterResourceAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);

    public async Task<Empty> RegisterResourceOutputsAsync(RegisterResourceOutputsRequest request, CancellationToken cancellationToken) =>
        await _client.RegisterResourceOutputsAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>False when the engine does not know the feature or predates SupportsFeature.</summary>
    public async Task<bool> SupportsFeatureAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.SupportsFeatureAsync(new SupportsFeatureRequest { Id = id }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.HasSupport;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            return false;
        }
    }

    /// <summary>"No more registrations"; blocks until the engine has run every step. Engines before v3.180 lack it: fine.</summary>
    public async Task SignalAndWaitForShutdownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.SignalAndWaitForShutdownAsync(new Empty(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
        }
    }
}
