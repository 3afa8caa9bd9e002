namespace BirdInfra.Emulator.Faults;

/// <summary>
/// A fault-injection rule for requests matching <see cref="Method"/> (null = any) and <see cref="Path"/>
/// (policy pattern syntax). <see cref="Phase"/> <c>after</c> applies the error or drop after the request
/// was processed, so the object exists but the client cannot know.
/// </summary>
public sealed record FaultRule(
    string Id,
    string? Method,
    string Path,
    int? LatencyMs,
    double? TooManyRequestsRate,
    double? RetryAfterSeconds,
    double? ErrorRate,
    int ErrorStatus,
    double? DropRate,
    int? Remaining,
    string Phase,
    int? Seed,
    DateTimeOffset CreatedAt);
