namespace BirdInfra.Tests.Reliability;

/// <summary>
/// The fault kinds of issue 6 point 1, each with fixed seeds so a run repeats: 429 bursts with and without Retry-After,
/// 500/502/503 at 10% and 30% of calls (before processing, or after it so the outcome is unknown), latency beyond the
/// client timeout, and dropped connections.
/// </summary>
public static class FaultCases
{
    /// <summary>The client timeout the latency case sets (BIRD_REQUEST_TIMEOUT_SECONDS); its latency is well beyond it.</summary>
    public const double ShortTimeoutSeconds = 1.5;

    private const string Any = "/**";
    private const string Subscriptions = "/organizations/*/workspaces/*/webhook-subscriptions";

    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    public static IReadOnlyList<FaultCase> All { get; } =
    [
        new("429-burst-with-retry-after", [
            new { path = Any, tooManyRequestsRate = 1.0, retryAfterSeconds = 1, remaining = 3 },
            new { method = "POST", path = Subscriptions, tooManyRequestsRate = 1.0, retryAfterSeconds = 1, remaining = 4 },
        ], NoEnvironment),

        // The first burst is as long as the client's 5 attempts: the first run stops, naming the create; the next converges.
        new("429-burst-without-retry-after", [
            new { method = "POST", path = "/organizations/*/iam-policies", tooManyRequestsRate = 1.0, remaining = 5 },
            new { method = "POST", path = Subscriptions, tooManyRequestsRate = 1.0, remaining = 4 },
            new { path = Any, tooManyRequestsRate = 0.3, seed = 429 },
        ], NoEnvironment),
        Errors(500, 0.1, "after", 5001),
        Errors(502, 0.1, "before", 5021),
        Errors(503, 0.1, "after", 5031),
        Errors(500, 0.3, "before", 5003),
        Errors(502, 0.3, "after", 5023),
        Errors(503, 0.3, "after", 5033),
        new("latency-beyond-timeout", [
            new { method = "POST", path = "/organizations/*/iam-policies", latencyMs = 2500, remaining = 2 },
            new { method = "POST", path = "/organizations/*/access-keys", latencyMs = 2500, remaining = 2 },
            new { method = "POST", path = "/workspaces/*/connectors", latencyMs = 2500, remaining = 2 },
            new { method = "GET", path = "/workspaces/*/connectors/*", latencyMs = 2500, remaining = 2 },
            new { method = "POST", path = Subscriptions, latencyMs = 2500, remaining = 2 },
            new { method = "DELETE", path = Any, latencyMs = 2500, remaining = 2 },
        ], new Dictionary<string, string> { ["BIRD_REQUEST_TIMEOUT_SECONDS"] = ShortTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        Drops(0.1, "after", 101),
        Drops(0.3, "after", 301),
        Drops(0.3, "before", 302),
    ];

    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    public static FaultCase Named(string name) => All.Single(c => c.Name == name);

    private static FaultCase Errors(int status, double rate, string phase, int seed) =>
        new($"{status}-at-{rate * 100:0}pct-{phase}", [new { path = Any, errorRate = rate, errorStatus = status, phase, seed }], NoEnvironment);

    private static FaultCase Drops(double rate, string phase, int seed) =>
        new($"drop-at-{rate * 100:0}pct-{phase}", [new { path = Any, dropRate = rate, phase, seed }], NoEnvironment);
}
