using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BirdInfra.Emulator.Connectors;

/// <summary>
/// Wire shape of a connector (fact sheet §3.3); <c>channel</c> is null until the channel exists.
/// <c>arguments</c> is left out when <c>EmulatorOptions.EchoConnectorArguments</c> is off.
/// JSON nodes are copied (under the store lock) because JsonNode is not safe to read from several threads.
/// </summary>
public sealed record ConnectorView(
    string Id,
    string WorkspaceId,
    string? RoutingKey,
    string Name,
    string Region,
    string Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? Arguments,
    ConnectorChannel? Channel,
    object? Number,
    string ConnectorTemplateSlug,
    string ConnectorTemplateRef,
    bool? ChannelConversationalStatusEnabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ConnectorView From(ConnectorRecord c, bool echoArguments) => new(
        c.Id,
        c.WorkspaceId,
        null,
        c.Name,
        "eu-west-1",
        "",
        echoArguments ? (JsonObject)c.Arguments.DeepClone() : null,
        c.Channel,
        null,
        c.ConnectorTemplateRef.Split(':')[0],
        c.ConnectorTemplateRef,
        c.ChannelConversationalStatusEnabled,
        c.CreatedAt,
        c.UpdatedAt);
}
