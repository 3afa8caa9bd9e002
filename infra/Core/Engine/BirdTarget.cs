using System.Globalization;

namespace BirdInfra.Engine;

/// <summary>
/// The Bird a stack acts on: a client with its organization and workspace, and whatever must be stopped with
/// it (an embedded emulator the host started). Made by an <see cref="IBirdTargetFactory"/>.
/// </summary>
public sealed class BirdTarget(BirdClient client, string organizationId, string workspaceId, string description, IAsyncDisposable? owner = null, TimeSpan? lateOutputTimeout = null) : IAsyncDisposable
{
    /// <summary>Seconds one HTTP attempt may take before it counts as a timeout (default 30); for slow links, and tests.</summary>
    public const string RequestTimeoutVariable = "BIRD_REQUEST_TIMEOUT_SECONDS";

    /// <summary>
    /// Seconds a create waits for the outputs Bird fills in later (default 120); the plugin reads the same variable. Its
    /// name is public and stays: a connector's channel was the first such output.
    /// </summary>
    public const string LateOutputTimeoutVariable = "BIRD_CHANNEL_TIMEOUT_SECONDS";

    public BirdClient Client { get; } = client;

    public string OrganizationId { get; } = organizationId;

    public string WorkspaceId { get; } = workspaceId;

    public string Description { get; } = description;

    public ProviderContext Context(IProgress<string>? progress)
    {
        var context = new ProviderContext(Client, OrganizationId, WorkspaceId) { Progress = progress };
        return lateOutputTimeout is { } timeout ? context with { LateOutputTimeout = timeout } : context;
    }

    /// <summary>The late-output wait's timeout from <see cref="LateOutputTimeoutVariable"/>, or null for the default.</summary>
    public static TimeSpan? LateOutputTimeout(Func<string, string?> environment) => Seconds(environment, LateOutputTimeoutVariable, 86_400);

    /// <summary>
    /// Client options with the request timeout from the environment and, when <paramref name="log"/> is given, one line per
    /// retried or failed HTTP attempt (method, path, answer, attempt n of max), so a slow run under rate limits or outages shows why.
    /// </summary>
    public static BirdClientOptions ClientOptions(BirdClientOptions options, Func<string, string?> environment, IProgress<string>? log) => options with
    {
        Timeout = RequestTimeout(environment) ?? options.Timeout,
        OnAttempt = log is null ? null : attempt => ReportAttempt(attempt, options.MaxAttempts, log),
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (owner is not null)
        {
            await owner.DisposeAsync();
        }
    }

    private static void ReportAttempt(BirdAttempt attempt, int maxAttempts, IProgress<string> log)
    {
        // Only what the client retries (429, 5xx, timeouts, dropped connections); other answers reach the user as results or errors.
        if (attempt.Failure is null || (attempt.Failure == BirdFailure.Status && attempt.StatusCode is { } status && (int)status != 429 && (int)status < 500))
        {
            return;
        }

        var answer = attempt.Failure switch
        {
            BirdFailure.Timeout => "no answer within the timeout",
            BirdFailure.ConnectionFailed => "connection failed",
            _ => $"{(int?)attempt.StatusCode} {attempt.StatusCode}",
        };
        var next = attempt.WillRetry ? $"retrying in {attempt.RetryDelay?.TotalSeconds:0.0}s" : "giving up";
        log.Report($"  {attempt.Operation}: {answer} (attempt {attempt.Number} of {maxAttempts}); {next}");
    }

    private static TimeSpan? RequestTimeout(Func<string, string?> environment) => Seconds(environment, RequestTimeoutVariable, 3600);

    private static TimeSpan? Seconds(Func<string, string?> environment, string variable, int max)
    {
        if (environment(variable) is not { Length: > 0 } text)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= max
            ? TimeSpan.FromSeconds(seconds)
            : throw new UserError($"{variable} must be a number of seconds between 0 and {max}, not '{text}'.");
    }
}
