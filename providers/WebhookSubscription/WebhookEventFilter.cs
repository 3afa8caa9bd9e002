namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>One event filter, e.g. <c>channelId = …</c>; filters combine with AND.</summary>
public sealed record WebhookEventFilter(string Key, string Value);
