namespace BirdInfra.Emulator.Channels;

/// <summary>A stored channel, created in the background for a connector.</summary>
public sealed record ChannelRecord(
    string Id,
    string WorkspaceId,
    string PlatformId,
    string Name,
    string ConnectorId,
    string Identifier,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
