
namespace BirdInfra.Engine;

/// <summary>Targets on a real Bird endpoint (api.bird.com by default), with ids and the access key from the stack's target.</summary>
public sealed class RemoteBirdTargets : IBirdTargetFactory
{
    public static readonly RemoteBirdTargets Instance = new();

    public Task<BirdTarget> ConnectAsync(TargetDefinition target, StackPaths paths, Func<string, string?> environment, IProgress<string>? log, CancellationToken cancellationToken)
    {
        if (target.UsesEmulator)
        {
            throw new UserError("This stack targets the embedded emulator (endpoint: emulator), which only the birdinfra command line starts.");
        }

        var endpoint = target.Endpoint is null ? BirdClientOptions.DefaultEndpoint : new Uri(target.Endpoint);
        var organizationId = Value(target.OrganizationId, "organizationId", environment);
        var workspaceId = Value(target.WorkspaceId, "workspaceId", environment);
        var accessKey = target.AccessKey?.EnvironmentVariable is { } variable
            ? environment(variable) is { Length: > 0 } token ? token : throw new UserError($"Set the environment variable {variable}: it holds the Bird access key of this stack (target.accessKey).")
            : throw new UserError("The stack's target has no accessKey: add `accessKey: { env: BIRD_ACCESS_KEY }`.");
        var client = new BirdClient(BirdTarget.ClientOptions(new BirdClientOptions(endpoint, new BirdAccessKey(accessKey)), environment, log));
        return Task.FromResult(new BirdTarget(client, organizationId, workspaceId, $"{endpoint} (organization {organizationId}, workspace {workspaceId})", lateOutputTimeout: BirdTarget.LateOutputTimeout(environment)));
    }

    private static string Value(ValueSource? source, string field, Func<string, string?> environment) =>
        source is null
            ? throw new UserError($"The stack's target has no {field}.")
            : source.Resolve(environment) ?? throw new UserError($"Set the environment variable {source.EnvironmentVariable}: it holds target.{field} of this stack.");
}
