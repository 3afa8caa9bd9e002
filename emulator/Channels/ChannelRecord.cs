
namespace BirdInfra.Emulator.Channels;

/// <summary>
/// A stored channel, created in the background for a connector. It starts <see cref="Pending"/> and becomes
/// <see cref="Active"/> (Bird's status for a working channel) at <see cref="ActiveAt"/>. Without its stored-only
/// fields it is the wire shape of a channel (fact sheet §3.4, advanced overrides omitted) and the <c>channel.*</c>
/// webhook payload.
/// </summary>
public sealed record ChannelRecord(
    string Id,
    [property: StoredOnly] string WorkspaceId,
    string PlatformId,
    string Name,
    string ConnectorId,
    string Identifier,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: StoredOnly] DateTimeOffset ActiveAt)
{
    /// <summary>The status Bird's docs show for a working channel (the channel list example).</summary>
    public const string Active = "active";

    /// <summary>The emulator's status before a channel works; Bird's full status list is not documented.</summary>
    public const string Pending = "pending";
}
