using BirdInfra.Providers.PulumiWire;
using BirdInfra.PulumiProgram.Grpc;
using BirdInfra.PulumiProgram.Protos;
using Google.Protobuf.WellKnownTypes;

namespace BirdInfra.PulumiProgram.Rpc;

/// <summary>The calls a program makes on the engine's <c>pulumirpc.ResourceMonitor</c> service.</summary>
public sealed class ResourceMonitorClient(GrpcUnaryClient channel)
{
    private const string Service = "pulumirpc.ResourceMonitor";

    public Task<RegisterResourceResponse> RegisterResourceAsync(RegisterResourceRequest request, CancellationToken cancellationToken) =>
        channel.CallAsync(Service, "RegisterResource", request, RegisterResourceResponse.Parser, cancellationToken);

    public Task<Empty> RegisterResourceOutputsAsync(RegisterResourceOutputsRequest request, CancellationToken cancellationToken) =>
        channel.CallAsync(Service, "RegisterResourceOutputs", request, Empty.Parser, cancellationToken);

    /// <summary>False when the engine does not know the feature or predates SupportsFeature.</summary>
    public async Task<bool> SupportsFeatureAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var response = await channel.CallAsync(Service, "SupportsFeature", new SupportsFeatureRequest { Id = id }, SupportsFeatureResponse.Parser, cancellationToken).ConfigureAwait(false);
            return response.HasSupport;
        }
        catch (GrpcCallException e) when (e.Status == GrpcStatusCode.Unimplemented)
        {
            return false;
        }
    }

    /// <summary>"No more registrations"; blocks until the engine has run every step. Engines before v3.180 lack it: fine.</summary>
    public async Task SignalAndWaitForShutdownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await channel.CallAsync(Service, "SignalAndWaitForShutdown", new Empty(), Empty.Parser, cancellationToken).ConfigureAwait(false);
        }
        catch (GrpcCallException e) when (e.Status == GrpcStatusCode.Unimplemented)
        {
        }
    }
}
