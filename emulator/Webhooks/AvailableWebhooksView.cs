namespace BirdInfra.Emulator.Webhooks;

/// <summary>
/// The answer of "List available webhook events": <c>{"results":[{"service":"channels","events":[{"name","filterKeys"}]}]}</c>,
/// not paginated; an empty <c>results</c> when nothing is available for the service asked.
/// </summary>
public sealed record AvailableWebhooksView(IReadOnlyList<AvailableServiceView> Results);
