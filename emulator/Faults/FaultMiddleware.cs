using System.Globalization;
using BirdInfra.Emulator.Controls;

namespace BirdInfra.Emulator.Faults;

/// <summary>
/// Applies fault rules and the rate limit in front of the API (before authentication, like a gateway
/// would): latency, dropped connections, 429s and 5xx before processing; with phase <c>after</c>, the
/// request is processed and the response is then replaced or the connection dropped.
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultRegistry faults, RateLimiter rateLimiter, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(AccessKeyMiddleware.ControlPrefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var ct = context.RequestAborted;
        var plan = faults.Decide(context.Request.Method, path);
        if (plan.LatencyMs > 0)
        {
            CallLogMiddleware.MarkFault(context, "latency");
            await Task.Delay(TimeSpan.FromMilliseconds(plan.LatencyMs), time, ct);
        }

        if (plan.DropBefore)
        {
            CallLogMiddleware.Dropped(context, "drop");
            context.Abort();
            return;
        }

        if (plan.TooManyRequests)
        {
            CallLogMiddleware.MarkFault(context, "tooManyRequests");
            if (plan.RetryAfterSeconds is { } seconds)
            {
                // Retry-After only carries whole seconds; round up so a client never retries early.
                context.Response.Headers.RetryAfter = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);
            }

            await ApiResults.WriteErrorAsync(context, TooManyRequests(), ct);
            return;
        }

        if (plan.ErrorBefore is { } status)
        {
            CallLogMiddleware.MarkFault(context, "error");
            await ApiResults.WriteErrorAsync(context, new ApiError(status, ErrorCodes.InternalError, "injected fault: the request was not processed"), ct);
            return;
        }

        if (!rateLimiter.TryAcquire(context.Request.Method))
        {
            CallLogMiddleware.MarkFault(context, "rateLimit");
            await ApiResults.WriteErrorAsync(context, TooManyRequests(), ct);
            return;
        }

        if (!plan.ActsAfter)
        {
            await next(context);
            return;
        }

        // Buffer the real response so it can be thrown away after the endpoint has done its work.
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (plan.DropAfter)
        {
            CallLogMiddleware.Dropped(context, "dropAfter");
            context.Abort();
            return;
        }

        CallLogMiddleware.MarkFault(context, "errorAfter");
        context.Response.Headers.Clear();
        await ApiResults.WriteErrorAsync(context, new ApiError(plan.ErrorAfter!.Value, ErrorCodes.InternalError, "injected fault: the outcome of the request is unknown"), ct);
    }

    private static ApiError TooManyRequests() => new(429, ErrorCodes.TooManyRequests, "Too many requests; the request was not processed");
}
