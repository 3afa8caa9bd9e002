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

    public static bool IsMutating(CallLogEntry call) => call.Method is "POST" or "PATCH" or "PUT" or "DELETE";
}
