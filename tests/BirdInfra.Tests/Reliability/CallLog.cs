using System.Text.Json;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Reliability;

/// <summary>The emulator's call log (GET /_emulator/calls), which neither faults nor itself record.</summary>
public static class CallLog
{
    public static async Task<List<CallLogEntry>> ReadAsync(StackWorkspace ws)
    {
        var log = await ws.GetAsync("/_emulator/calls");
        return log.GetProperty("results").EnumerateArray()
            .Select(c => new CallLogEntry(
                c.GetProperty("method").GetString()!,
                c.GetProperty("path").GetString()!,
                c.GetProperty("status").GetInt32(),
                c.GetProperty("fault").ValueKind == JsonValueKind.String ? c.GetProperty("fault").GetString() : null))
            .ToList();
    }

    public static bool IsMutating(CallLogEntry call) => IsMutating(call.Method);

    public static bool IsMutating(string method) => method is "POST" or "PATCH" or "PUT" or "DELETE";

    /// <summary>
    /// Returns the moment the emulator has logged <paramref name="count"/> mutating calls it answered with success (the
    /// child has its answer), or when <paramref name="child"/> exits: woken by the emulator's log itself, not by
    /// polling. Throws when neither happens within <paramref name="timeout"/>, so a trial never goes on from an
    /// arbitrary point.
    /// </summary>
    public static async Task WaitForAnsweredMutatingCallsAsync(StackWorkspace ws, BirdInfraProcess child, int count, TimeSpan timeout)
    {
        using var stop = new CancellationTokenSource(timeout);
        var answered = ws.Emulator.Calls.WaitUntilAsync(calls => calls.Count(c => IsMutating(c.Method) && c.Status is >= 200 and < 300) >= count, stop.Token);
        var exited = child.ExitedAsync(stop.Token);
        var first = await Task.WhenAny(answered, exited);
        await stop.CancelAsync(); // the other wait ends cancelled
        if (first.IsCanceled)
        {
            var seen = ws.Emulator.Calls.Snapshot().Where(c => IsMutating(c.Method) && c.Status is >= 200 and < 300).Select(c => $"{c.Method} {c.Path}").ToList();
            throw new TimeoutException(
                $"the kill point was never reached: within {timeout} the emulator answered {seen.Count} of the {count} mutating calls waited for "
                + $"(mutating call #{count} was never seen) and the child did not exit. Answered: [{string.Join(", ", seen)}]");
        }

        await first; // a wait that failed (not cancelled) fails the trial too
    }
}
