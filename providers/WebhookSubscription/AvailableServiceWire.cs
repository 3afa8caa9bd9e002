namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>One service of Bird's webhook catalogue and its events.</summary>
internal sealed record AvailableServiceWire(string? Service, IReadOnlyList<AvailableEventWire>? Events);
