namespace BirdInfra.Providers.Connector;

/// <summary>A channel as <c>GET /workspaces/{ws}/channels/{id}</c> answers it; only its status matters here (<c>active</c> = working).</summary>
internal sealed record ChannelWire(string? Id, string? Status);
