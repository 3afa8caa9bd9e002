using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace BirdInfra.PulumiPlugin.Serving;

/// <summary>
/// The last word on a failed call: an <see cref="RpcException"/> goes out as is (logged at information level), a call
/// the engine dropped is CANCELLED, and anything else is a bug, answered as INTERNAL with its message (the stack trace
/// stays in the plugin's stderr log) instead of Grpc.AspNetCore's bare "Exception was thrown by handler".
/// </summary>
public sealed class ErrorInterceptor : Interceptor
{
    private readonly ILogger<ErrorInterceptor> _logger;

    public ErrorInterceptor(ILogger<ErrorInterceptor> logger) => _logger = logger;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            _logger.LogInformation("{Method}: status {Status}: {Message}", context.Method, e.StatusCode, e.Status.Detail);
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
        }
        catch (Exception e)
        {
            _logger.LogError(e, "{Method} failed", context.Method);
            throw new RpcException(new Status(StatusCode.Internal, $"pulumi-resource-bird internal error: {e.Message}"));
        }
    }
}
