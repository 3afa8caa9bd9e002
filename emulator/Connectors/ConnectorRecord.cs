using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Connectors;

/// <summary>
/// A stored connector. The WhatsApp access token is validated and then dropped: the emulator never
/// needs it and must never echo it. <see cref="ChannelDueAt"/> survives restarts so a pending channel still appears.
/// </summary>
public sealed record ConnectorRecord(
    string Id,
    string WorkspaceId,
    string Name,
    string ConnectorTemplateRef,
    JsonObject Arguments,
    bool? ChannelConversationalStatusEnabled,
    DateTimeOffset ChannelDueAt,
    ConnectorChannel? Channel,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
