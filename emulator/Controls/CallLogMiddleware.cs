
namespace BirdInfra.Emulator.Controls;

/// <summary>Outermost middleware: records every API request with its final status, faults included.</summary>
internal sealed class CallLogMiddleware(RequestDelegate next, CallLog log, TimeProvider time)
{
    private const string FaultKey = "BirdInfra.Emulator.Fault";

    public static void MarkFault(HttpContext context, string fault) => context.Items[FaultKey] = fault;

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(AccessKeyMiddleware.ControlPrefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var at = time.NowMs();
        var method = context.Request.Method;
        var status = 500;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            var fault = context.Items[FaultKey] as string;
            if (fault is "drop" or "dropAfter" || (context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted))
            {
                status = 0;
            }

            log.Add(new CallRecord(method, path, context.Request.QueryString.Value?.TrimStart('?') ?? "", status, at, fault));
        }
    }
}
