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

    public static async Task<BirdTarget> ConnectAsync(TargetDefinition target, StackPaths paths, Func<string, string?> environment, CancellationToken cancellationToken)
    {
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
            var client = new BirdClient(new BirdClientOptions(emulator.BaseUrl, new BirdAccessKey(emulator.AdminAccessKey)));
            return new BirdTarget(client, emulator.OrganizationId, emulator.WorkspaceId, emulator);
        }

        var endpoint = target.Endpoint is null ? BirdClientOptions.DefaultEndpoint : new Uri(target.Endpoint);
        var organizationId = Value(target.OrganizationId, "organizationId", environment);
        var workspaceId = Value(target.WorkspaceId, "workspaceId", environment);
        var accessKey = target.AccessKey?.EnvironmentVariable is { } variable
            ? environment(variable) is { Length: > 0 } token ? token : throw new UserError($"Set the environment variable {variable}: it holds the Bird access key of this stack (target.accessKey).")
            : throw new UserError("The stack's target has no accessKey: add `accessKey: { env: BIRD_ACCESS_KEY }`.");
        return new BirdTarget(new BirdClient(new BirdClientOptions(endpoint, new BirdAccessKey(accessKey))), organizationId, workspaceId, null);
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
