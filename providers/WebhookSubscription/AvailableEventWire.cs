namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>One event of Bird's webhook catalogue and the filter keys it takes.</summary>
internal sealed record AvailableEventWire(string? Name, IReadOnlyList<string>? FilterKeys);
