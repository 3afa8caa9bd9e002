using System.Collections.Immutable;
using BirdInfra.Providers.PulumiWire;
using Google.Protobuf;

namespace BirdInfra.PulumiPlugin.Grpc;

/// <summary>A failed RPC: the status, a message for the user (never a secret) and optional rich details.</summary>
public sealed class GrpcException : Exception
{
    public GrpcException(GrpcStatusCode status, string message, params IMessage[] details)
        : base(message)
    {
        Status = status;
        Details = details.ToImmutableArray();
    }

    public GrpcStatusCode Status { get; }

    /// <summary>Messages packed into <c>google.rpc.Status.details</c> (the <c>grpc-status-details-bin</c> trailer).</summary>
    public ImmutableArray<IMessage> Details { get; }

    public static GrpcException Unimplemented(string method) =>
        new(GrpcStatusCode.Unimplemented, $"method {method} is not implemented by pulumi-resource-bird");
}
