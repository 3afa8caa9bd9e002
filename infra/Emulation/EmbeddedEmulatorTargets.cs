using BirdInfra.Emulator.Configuration;
using BirdInfra.Emulator.Embedded;
using BirdInfra.Providers.Client;

namespace BirdInfra.Emulation;

/// <summary>The CLI's targets: <c>endpoint: emulator</c> starts the embedded emulator, persisted next to the stack's state; anything else is a real Bird.</summary>
public sealed class EmbeddedEmulatorTargets : IBirdTargetFactory
{
    public static readonly EmbeddedEmulatorTargets Instance = new();

    public async Task<BirdTarget> ConnectAsync(TargetDefinition target, StackPaths paths, Func<string, string?> environment, IProgress<string>? log, CancellationToken cancellationToken)
    {
        if (!target.UsesEmulator)
        {
            return await RemoteBirdTargets.Instance.ConnectAsync(target, paths, environment, log, cancellationToken);
        }

        var lateOutputTimeout = BirdTarget.LateOutputTimeout(environment);
        Directory.CreateDirectory(paths.StateDirectory);
        var emulator = await EmbeddedEmulator.StartAsync(
            new EmulatorOptions
            {
                DataFile = paths.EmulatorDataFile,
                ChannelDelay = TimeSpan.FromSeconds(0.5),
                ChannelActivationDelay = TimeSpan.FromSeconds(0.5),
                AllowHttpWebhooks = target.AllowHttpWebhooks,
            },
            cancellationToken);
        var client = new BirdClient(BirdTarget.ClientOptions(new BirdClientOptions(emulator.BaseUrl, new BirdAccessKey(emulator.AdminAccessKey)), environment, log));
        return new BirdTarget(
            client,
            emulator.OrganizationId,
            emulator.WorkspaceId,
            $"the embedded emulator at {emulator.BaseUrl} (organization {emulator.OrganizationId}, workspace {emulator.WorkspaceId})",
            emulator,
            lateOutputTimeout);
    }
}
