namespace BirdInfra.Emulator.Webhooks;

/// <summary>A stored webhook subscription; the signing key is kept to sign deliveries but only shown on create.</summary>
public sealed record SubscriptionRecord(
    string Id,
    string OrganizationId,
    string WorkspaceId,
    string Service,
    string Event,
    IReadOnlyList<EventFilter> EventFilters,
    string? Template,
    string Url,
    string? SigningKey,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The filter set in a canonical order, for the duplicate and "5 per combination" rules.</summary>
    public string FilterSignature => string.Join('\n', EventFilters.Select(f => $"{f.Key}={f.Value}").Order(StringComparer.Ordinal));
}
