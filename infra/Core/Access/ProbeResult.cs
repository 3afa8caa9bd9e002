using System.Net;

namespace BirdInfra.Access;

/// <summary>One probe's outcome: Bird's status (null when no answer came), the verdict, and the server's clock if it said.</summary>
public sealed record ProbeResult(PermissionProbe Probe, HttpStatusCode? Status, ProbeVerdict Verdict, DateTimeOffset? ServerDate, string? NoAnswer)
{
    /// <summary>The answer in words: "403 Forbidden", or why none came.</summary>
    public string Answer => Status is { } status ? $"{(int)status} {status}" : $"no answer ({NoAnswer ?? "connection failed"})";
}
