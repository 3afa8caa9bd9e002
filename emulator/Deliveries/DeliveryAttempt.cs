namespace BirdInfra.Emulator.Deliveries;

/// <summary>One try at delivering an event: the HTTP status, or the transport error.</summary>
public sealed record DeliveryAttempt(int Number, DateTimeOffset At, int? StatusCode, string? Error);
