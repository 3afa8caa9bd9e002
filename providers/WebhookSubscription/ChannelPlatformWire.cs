namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>A channel of the workspace as the catalogue check needs it: its platform (fact sheet §3.4, <c>platformId</c>).</summary>
internal sealed record ChannelPlatformWire(string? Id, string? PlatformId);
