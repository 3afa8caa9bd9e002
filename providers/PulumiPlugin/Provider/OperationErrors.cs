using System.Net;
using BirdInfra.PulumiPlugin.Protos;
using Grpc.Core;

namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>
/// Maps failures of a kind operation to gRPC statuses the engine understands (fact sheet §4.6): Bird's 4xx to codes
/// the engine treats as "nothing changed", outcome-unknown failures to UNKNOWN, half-done creates to
/// ErrorResourceInitFailed. Messages name the operation, kind and resource, and never carry a secret.
/// </summary>
public static class OperationErrors
{
    public static Google.Rpc.Status Translate(Exception exception, string operation, IResourceKind kind, string resource)
    {
        var prefix = $"{operation} {kind.Name} '{resource}' failed: ";
        return exception switch
        {
            RpcException rpc => RpcErrors.StatusOf(rpc),
            ResourceInitFailedException init => InitFailedStatus(init.Snapshot, kind, init.Message),
            BirdApiException bird => RpcErrors.Status(StatusOf(bird), prefix + bird.Message + Hint(bird)),
            CreateOutcomeUnknownException unknown => RpcErrors.Status(StatusCode.Unknown, prefix + unknown.Message),
            OperationCanceledException => RpcErrors.Status(StatusCode.Cancelled, prefix + "cancelled before Bird answered."),
            InvalidOperationException or ArgumentException or FormatException => RpcErrors.Status(StatusCode.FailedPrecondition, prefix + exception.Message),
            _ => RpcErrors.Status(StatusCode.Internal, prefix + exception.Message),
        };
    }

    /// <summary>Bird holds the object but the operation did not finish: the engine records it (id, outputs) with the reasons.</summary>
    public static RpcException InitFailed(ResourceSnapshot snapshot, IResourceKind kind, string reason) =>
        RpcErrors.ToException(InitFailedStatus(snapshot, kind, reason));

    private static Google.Rpc.Status InitFailedStatus(ResourceSnapshot snapshot, IResourceKind kind, string reason)
    {
        var detail = new ErrorResourceInitFailed
        {
            Id = snapshot.Id,
            Properties = PropertyStructConverter.ToStruct(OutputShaper.WrapSecrets(kind.Schema, snapshot.Outputs)),
            Inputs = PropertyStructConverter.ToStruct(OutputShaper.WrapSecrets(kind.Schema, snapshot.Inputs)),
        };
        detail.Reasons.Add(reason);
        return RpcErrors.Status(StatusCode.Unknown, reason, detail);
    }

    private static StatusCode StatusOf(BirdApiException e)
    {
        if (e.OutcomeUnknown || e.StatusCode is null)
        {
            return StatusCode.Unknown;
        }

        return e.StatusCode.Value switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => StatusCode.InvalidArgument,
            HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
            HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
            HttpStatusCode.NotFound => StatusCode.NotFound,
            HttpStatusCode.Conflict => StatusCode.FailedPrecondition,
            HttpStatusCode.MethodNotAllowed => StatusCode.FailedPrecondition,
            HttpStatusCode.TooManyRequests => StatusCode.ResourceExhausted,
            _ when (int)e.StatusCode.Value >= 500 => StatusCode.Unknown,
            _ => StatusCode.FailedPrecondition,
        };
    }

    private static string Hint(BirdApiException e) => e.StatusCode switch
    {
        HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest => " Bird rejected the values: correct the properties named above and run again.",
        HttpStatusCode.Unauthorized => " Check bird:accessKey (or BIRD_ACCESS_KEY).",
        HttpStatusCode.Forbidden => " The access key's roles do not allow this; use a key whose policies cover it.",
        HttpStatusCode.NotFound => " Check bird:organizationId and bird:workspaceId, and that the referenced objects exist.",
        HttpStatusCode.Conflict => " Bird already has a conflicting object (same unique name or key), or the object is still in use.",
        _ => string.Empty,
    };
}
