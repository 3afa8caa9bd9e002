using System.Collections.Frozen;
using BirdInfra.Providers.PulumiWire;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BirdInfra.PulumiPlugin.Grpc;

/// <summary>
/// Serves unary gRPC over Kestrel's HTTP/2: routes <c>/{service}/{method}</c>, unframes the request, frames the
/// response and always ends with <c>grpc-status</c> (and <c>grpc-message</c>/<c>grpc-status-details-bin</c>) trailers.
/// Methods not in the table answer 12 UNIMPLEMENTED.
/// </summary>
public sealed class GrpcRequestHandler
{
    private readonly string _servicePrefix;
    private readonly FrozenDictionary<string, IUnaryMethod> _methods;
    private readonly ILogger _logger;

    public GrpcRequestHandler(string serviceName, IEnumerable<IUnaryMethod> methods, ILogger logger)
    {
        _servicePrefix = "/" + serviceName + "/";
        _methods = methods.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method) || request.ContentType is not { } contentType || !contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        var path = request.Path.Value ?? string.Empty;
        var methodName = path.StartsWith(_servicePrefix, StringComparison.Ordinal) ? path[_servicePrefix.Length..] : null;
        try
        {
            var body = await GrpcFraming.ReadBodyAsync(request.BodyReader, context.RequestAborted).ConfigureAwait(false);
            if (methodName is null || !_methods.TryGetValue(methodName, out var method))
            {
                throw GrpcException.Unimplemented(path.TrimStart('/'));
            }

            var reply = await method.InvokeAsync(GrpcFraming.Unframe(body), context.RequestAborted).ConfigureAwait(false);
            await response.Body.WriteAsync(GrpcMessages.Frame(reply), context.RequestAborted).ConfigureAwait(false);
            AppendStatus(response, GrpcStatusCode.Ok, null, []);
        }
        catch (GrpcException e)
        {
            _logger.LogInformation("{Path}: status {Status}: {Message}", path, e.Status, e.Message);
            AppendStatus(response, e.Status, e.Message, e.Details);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            AppendStatus(response, GrpcStatusCode.Cancelled, "the call was cancelled", []);
        }
        catch (Exception e)
        {
            // A bug: the user sees the message, the stack trace stays in the plugin's (hidden) stderr.
            _logger.LogError(e, "{Path} failed", path);
            AppendStatus(response, GrpcStatusCode.Internal, $"pulumi-resource-bird internal error: {e.Message}", []);
        }
    }

    private static void AppendStatus(HttpResponse response, GrpcStatusCode code, string? message, IReadOnlyCollection<IMessage> details)
    {
        if (!response.SupportsTrailers())
        {
            return;
        }

        response.AppendTrailer("grpc-status", ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(message))
        {
            response.AppendTrailer("grpc-message", GrpcFraming.EncodeMessage(message));
        }

        if (details.Count > 0)
        {
            response.AppendTrailer("grpc-status-details-bin", GrpcFraming.EncodeDetails(code, message ?? string.Empty, details));
        }
    }
}
