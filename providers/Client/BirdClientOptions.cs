namespace BirdInfra.Providers.Client;

/// <summary>Where and how the Bird client talks to Bird. Printing the options never shows the access key.</summary>
public sealed record BirdClientOptions(Uri Endpoint, BirdAccessKey AccessKey)
{
    public static readonly Uri DefaultEndpoint = new("https://api.bird.com/");

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per request, the first included (1 = never retry).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Backoff before the first retry; it doubles per retry up to <see cref="MaxDelay"/>, with full jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound on a server-sent <c>Retry-After</c>, so a hostile or broken header cannot stall a run.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Waits between attempts; tests replace it to run instantly and record the delays.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>The clock for retry waits (unless <see cref="Delay"/> is set) and for a <c>Retry-After</c> given as a date.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Called after every HTTP attempt (tests count attempts; hosts may log them).</summary>
    public Action<BirdAttempt>? OnAttempt { get; init; }
}
