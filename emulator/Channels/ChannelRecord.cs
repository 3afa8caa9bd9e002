namespace BirdInfra.Emulator.Channels;

/// <summary>
/// A stored channel, created in the background for a connector. It starts <see cref="Pending"/> and becomes
/// <see cref="Active"/> (Bird's status for a working channel) at <see cref="ActiveAt"/>.
/// </summary>
public sealed record ChannelRecord(
    string Id,
    string WorkspaceId,
    string PlatformId,
    string Name,
    string ConnectorId,
    string Identifier,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset ActiveAt)
{
    /// <summary>The status Bird's docs show for a working channel (the channel list example).</summary>
    public const string Active = "active";

    /// <summary>The emulator's status before a channel works; Bird's full status list is not documented.</summary>
    public const string Pending = "pending";
}
