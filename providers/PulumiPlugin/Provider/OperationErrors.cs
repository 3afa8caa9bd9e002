using System.Net;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.PulumiWire;
using BirdInfra.PulumiPlugin.Grpc;
using BirdInfra.PulumiPlugin.Protos;

namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>
/// Maps failures of a kind operation to gRPC statuses the engine understands (fact sheet §4.6): Bird's 4xx to codes
/// the engine treats as "nothing changed", outcome-unknown failures to UNKNOWN, half-done creates to
/// ErrorResourceInitFailed. Messages name the operation, kind and resource, and never carry a secret.
/// </summary>
public static class OperationErrors
{
    public static GrpcException Translate(Exception exception, string operation, IResourceKind kind, string resource)
    {
        var prefix = $"{operation} {kind.Name} '{resource}' failed: ";
        return exception switch
        {
            GrpcException grpc => grpc,
            ResourceInitFailedException init => InitFailed(init.Snapshot, kind, init.Message),
            BirdApiException bird => new GrpcException(StatusOf(bird), prefix + bird.Message + Hint(bird)),
            CreateOutcomeUnknownException unknown => new GrpcException(GrpcStatusCode.Unknown, prefix + unknown.Message),
            OperationCanceledException => new GrpcException(GrpcStatusCode.Cancelled, prefix + "cancelled before Bird answered."),
            InvalidOperationException or ArgumentException or FormatException => new GrpcException(GrpcStatusCode.FailedPrecondition, prefix + exception.Message),
            _ => new GrpcException(GrpcStatusCode.Internal, prefix + exception.Message),
        };
    }

    /// <summary>Bird holds the object but the operation did not finish: the engine records it (id, outputs) with the reasons.</summary>
    public static GrpcException InitFailed(ResourceSnapshot snapshot, IResourceKind kind, string reason)
    {
        var detail = new ErrorResourceInitFailed
        {
            Id = snapshot.Id,
            Properties = PropertyStructConverter.ToStruct(OutputShaper.WrapSecrets(kind.Schema, snapshot.Outputs)),
            Inputs = PropertyStructConverter.ToStruct(OutputShaper.WrapSecrets(kind.Schema, snapshot.Inputs)),
        };
        detail.Reasons.Add(reason);
        return new GrpcException(GrpcStatusCode.Unknown, reason, detail);
    }

    private static GrpcStatusCode StatusOf(BirdApiException e)
    {
        if (e.OutcomeUnknown || e.StatusCode is null)
        {
            return GrpcStatusCode.Unknown;
        }

        return e.StatusCode.Value switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => GrpcStatusCode.InvalidArgument,
            HttpStatusCode.Unauthorized => GrpcStatusCode.Unauthenticated,
            HttpStatusCode.Forbidden => GrpcStatusCode.PermissionDenied,
            HttpStatusCode.NotFound => GrpcStatusCode.NotFound,
            HttpStatusCode.Conflict => GrpcStatusCode.FailedPrecondition,
            HttpStatusCode.MethodNotAllowed => GrpcStatusCode.FailedPrecondition,
            HttpStatusCode.TooManyRequests => GrpcStatusCode.ResourceExhausted,
            _ when (int)e.StatusCode.Value >= 500 => GrpcStatusCode.Unknown,
            _ => GrpcStatusCode.FailedPrecondition,
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
