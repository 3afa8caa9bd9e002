namespace BirdInfra.Emulator.Deliveries;

/// <summary>The body Bird POSTs to a subscription URL: <c>{service, event, payload}</c>.</summary>
public sealed record WebhookEnvelope(string Service, string Event, object Payload);
