
namespace BirdInfra.Emulator.Controls;

/// <summary>Outermost middleware: records every API request with its final status, faults included.</summary>
internal sealed class CallLogMiddleware(RequestDelegate next, CallLog log, TimeProvider time)
{
    private const string FaultKey = "BirdInfra.Emulator.Fault";

    private const string RecordKey = "BirdInfra.Emulator.Record";

    public static void MarkFault(HttpContext context, string fault) => context.Items[FaultKey] = fault;

    /// <summary>
    /// Marks a dropped connection and records the call before the connection is cut: the client sees the reset at once
    /// and may ask for the call log before this request's own pipeline has finished unwinding.
    /// </summary>
    public static void Dropped(HttpContext context, string fault)
    {
        MarkFault(context, fault);
        (context.Items[RecordKey] as Action<int>)?.Invoke(0);
    }

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
        var recorded = 0;
        void Record(int status)
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                log.Add(new CallRecord(method, path, context.Request.QueryString.Value?.TrimStart('?') ?? "", status, at, context.Items[FaultKey] as string));
            }
        }

        context.Items[RecordKey] = (Action<int>)Record;
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

            Record(status);
        }
    }
}
