namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>A webhook subscription as Bird sends it (signingKey only in the create response, and ignored here).</summary>
internal sealed record SubscriptionWire(
    string Id,
    string? OrganizationId,
    string? WorkspaceId,
    string Service,
    string Event,
    string Url,
    IReadOnlyList<EventFilterWire>? EventFilters,
    string? Status,
    string? Template);
