namespace BirdInfra.Providers.Connector;

internal sealed record ConnectorChannelWire(string? ChannelId, string? Platform);
