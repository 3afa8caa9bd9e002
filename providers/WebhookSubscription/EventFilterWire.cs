namespace BirdInfra.Providers.WebhookSubscription;

internal sealed record EventFilterWire(string Key, string Value);
