namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>"List available webhook events": <c>{"results":[{"service","events":[{"name","filterKeys"}]}]}</c>.</summary>
internal sealed record AvailableWebhooksWire(IReadOnlyList<AvailableServiceWire>? Results);
