namespace BirdInfra.Providers.Connector;

/// <summary>A channel as Bird's channel list shows it: what a connector's wait needs from it (fact sheet §3.4).</summary>
internal sealed record ChannelListItemWire(string? Id, string? ConnectorId, string? Status);
