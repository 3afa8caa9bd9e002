namespace BirdInfra.Emulator.Channels;

/// <summary>Wire shape of a channel (fact sheet §3.4, advanced overrides omitted); also the <c>channel.*</c> webhook payload.</summary>
public sealed record ChannelView(
    string Id,
    string PlatformId,
    string Name,
    string ConnectorId,
    string Identifier,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ChannelView From(ChannelRecord c) =>
        new(c.Id, c.PlatformId, c.Name, c.ConnectorId, c.Identifier, c.Status, c.CreatedAt, c.UpdatedAt);
}
