using BirdInfra.Emulator.Configuration;
using BirdInfra.Emulator.Embedded;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Kinds;
using BirdInfra.Stacks.Model;

namespace BirdInfra.Engine;

/// <summary>
/// The Bird a stack acts on: api.bird.com (or another endpoint) with credentials from the environment,
/// or the embedded emulator started in-process and persisted next to the stack's state.
/// </summary>
public sealed class BirdTarget : IAsyncDisposable
{
    private readonly EmbeddedEmulator? _emulator;

    private BirdTarget(BirdClient client, string organizationId, string workspaceId, EmbeddedEmulator? emulator)
    {
        Client = client;
        OrganizationId = organizationId;
        WorkspaceId = workspaceId;
        _emulator = emulator;
    }

    public BirdClient Client { get; }

    public string OrganizationId { get; }

    public string WorkspaceId { get; }

    public string Description => _emulator is null
        ? $"{Client.Options.Endpoint} (organization {OrganizationId}, workspace {WorkspaceId})"
        : $"the embedded emulator at {_emulator.BaseUrl} (organization {OrganizationId}, workspace {WorkspaceId})";

    public ProviderContext Context(IProgress<string>? progress) =>
        new(Client, OrganizationId, WorkspaceId) { Progress = progress };

    /// <summary>Seconds one HTTP attempt may take before it counts as a timeout (default 30); for slow links, and tests.</summary>
    public const string RequestTimeoutVariable = "BIRD_REQUEST_TIMEOUT_SECONDS";

    /// <summary>
    /// Connects to the stack's Bird. <paramref name="log"/> receives one line per retried or failed HTTP attempt
    /// (method, path, answer, attempt n of max), so a slow run under rate limits or outages shows why.
    /// </summary>
    public static async Task<BirdTarget> ConnectAsync(TargetDefinition target, StackPaths paths, Func<string, string?> environment, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var timeout = RequestTimeout(environment);
        if (target.UsesEmulator)
        {
            Directory.CreateDirectory(paths.StateDirectory);
            var emulator = await EmbeddedEmulator.StartAsync(
                new EmulatorOptions
                {
                    DataFile = paths.EmulatorDataFile,
                    ChannelDelay = TimeSpan.FromSeconds(0.5),
                    AllowHttpWebhooks = target.AllowHttpWebhooks,
                },
                cancellationToken);
            var client = new BirdClient(Options(new BirdClientOptions(emulator.BaseUrl, new BirdAccessKey(emulator.AdminAccessKey)), timeout, log));
            return new BirdTarget(client, emulator.OrganizationId, emulator.WorkspaceId, emulator);
        }

        var endpoint = target.Endpoint is null ? BirdClientOptions.DefaultEndpoint : new Uri(target.Endpoint);
        var organizationId = Value(target.OrganizationId, "organizationId", environment);
        var workspaceId = Value(target.WorkspaceId, "workspaceId", environment);
        var accessKey = target.AccessKey?.EnvironmentVariable is { } variable
            ? environment(variable) is { Length: > 0 } token ? token : throw new UserError($"Set the environment variable {variable}: it holds the Bird access key of this stack (target.accessKey).")
            : throw new UserError("The stack's target has no accessKey: add `accessKey: { env: BIRD_ACCESS_KEY }`.");
        return new BirdTarget(new BirdClient(Options(new BirdClientOptions(endpoint, new BirdAccessKey(accessKey)), timeout, log)), organizationId, workspaceId, null);
    }

    private static BirdClientOptions Options(BirdClientOptions options, TimeSpan? timeout, IProgress<string>? log) => options with
    {
        Timeout = timeout ?? options.Timeout,
        OnAttempt = log is null ? null : attempt => ReportAttempt(attempt, options.MaxAttempts, log),
    };

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

    private static TimeSpan? RequestTimeout(Func<string, string?> environment)
    {
        if (environment(RequestTimeoutVariable) is not { Length: > 0 } text)
        {
            return null;
        }

        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new UserError($"{RequestTimeoutVariable} must be a number of seconds between 0 and 3600, not '{text}'.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private static string Value(ValueSource? source, string field, Func<string, string?> environment) =>
        source is null
            ? throw new UserError($"The stack's target has no {field}.")
            : source.Resolve(environment) ?? throw new UserError($"Set the environment variable {source.EnvironmentVariable}: it holds target.{field} of this stack.");
}
