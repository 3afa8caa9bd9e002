using BirdInfra.Providers.PulumiWire;

namespace BirdInfra.PulumiProgram.Grpc;

/// <summary>A unary gRPC call that ended with a non-OK status (or never reached the server).</summary>
public sealed class GrpcCallException(string method, GrpcStatusCode status, string detail, Exception? inner = null)
    : Exception($"{method} failed: {status} ({(int)status}): {detail}", inner)
{
    public string Method { get; } = method;

    public GrpcStatusCode Status { get; } = status;

    public string Detail { get; } = detail;
}
