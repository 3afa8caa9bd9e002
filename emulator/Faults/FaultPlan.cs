namespace BirdInfra.Emulator.Faults;

/// <summary>What to do to one request, decided up front from all matching rules.</summary>
internal sealed record FaultPlan(
    int LatencyMs,
    bool DropBefore,
    bool TooManyRequests,
    double? RetryAfterSeconds,
    int? ErrorBefore,
    bool DropAfter,
    int? ErrorAfter)
{
    public static readonly FaultPlan None = new(0, false, false, null, null, false, null);

    public bool ActsAfter => DropAfter || ErrorAfter is not null;
}
