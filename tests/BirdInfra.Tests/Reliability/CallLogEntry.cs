namespace BirdInfra.Tests.Reliability;

/// <summary>One API call as the emulator logged it; <see cref="Fault"/> names an injected fault, <see cref="Status"/> 0 = connection dropped.</summary>
public sealed record CallLogEntry(string Method, string Path, int Status, string? Fault)
{
    /// <summary>The client saw a failure it may retry: 429, 5xx, or no answer.</summary>
    public bool IsRetryableFailure => Status == 0 || Status == 429 || Status >= 500;
}
