using BirdInfra.Emulator.Connectors;
using BirdInfra.Emulator.Workspaces;

namespace BirdInfra.Emulator.Store;

/// <summary>All persistent state. Mutable collections of immutable records; only touched under <see cref="EmulatorStore"/>'s lock.</summary>
public sealed class EmulatorState
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public required BootstrapIdentity Bootstrap { get; set; }

    public Dictionary<string, WorkspaceRecord> Workspaces { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, PolicyRecord> Policies { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, RoleRecord> Roles { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, AccessKeyRecord> AccessKeys { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, ConnectorRecord> Connectors { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, ChannelRecord> Channels { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, SubscriptionRecord> Subscriptions { get; set; } = new(StringComparer.Ordinal);
}
