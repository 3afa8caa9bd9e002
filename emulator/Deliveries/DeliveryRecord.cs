namespace BirdInfra.Emulator.Deliveries;

/// <summary>
/// One event sent (or skipped) to one subscription. <c>state</c> is <c>pending</c>, <c>delivered</c>,
/// <c>failed</c> (all attempts non-2xx) or <c>skipped</c> (non-loopback host; nothing was resolved or sent).
/// </summary>
public sealed record DeliveryRecord(
    string RequestId,
    string SubscriptionId,
    string WorkspaceId,
    string Service,
    string Event,
    string Url,
    string Timestamp,
    bool Signed,
    string State,
    string? Reason,
    IReadOnlyList<DeliveryAttempt> Attempts,
    DateTimeOffset CreatedAt);
