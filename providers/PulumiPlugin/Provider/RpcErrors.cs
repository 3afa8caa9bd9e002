using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>
/// Failed RPCs as the engine reads them: a status code, a message for the user (never a secret) and, when there are
/// any, rich details (Pulumi's <c>ErrorResourceInitFailed</c>, <c>ConfigureErrorMissingKeys</c>) packed into
/// <c>google.rpc.Status</c>, which Grpc.StatusProto sends as the <c>grpc-status-details-bin</c> trailer.
/// </summary>
public static class RpcErrors
{
    public static RpcException Create(StatusCode code, string message, params IMessage[] details) =>
        ToException(Status(code, message, details));

    public static Google.Rpc.Status Status(StatusCode code, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.AddRange(details.Select(Any.Pack));
        return status;
    }

    /// <summary>The status an exception carries, its details included.</summary>
    public static Google.Rpc.Status StatusOf(RpcException exception) =>
        exception.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)exception.StatusCode, Message = exception.Status.Detail };

    public static RpcException ToException(Google.Rpc.Status status) =>
        status.Details.Count > 0 ? status.ToRpcException() : new RpcException(new Grpc.Core.Status((StatusCode)status.Code, status.Message));
}
