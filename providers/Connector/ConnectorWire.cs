using System.Text.Json.Nodes;

namespace BirdInfra.Providers.Connector;

/// <summary>A connector as Bird sends it; <c>channel</c> stays empty until Bird has created the channel. Bird never echoes securityArguments.</summary>
internal sealed record ConnectorWire(string Id, string Name, string? ConnectorTemplateRef, JsonObject? Arguments, ConnectorChannelWire? Channel);
