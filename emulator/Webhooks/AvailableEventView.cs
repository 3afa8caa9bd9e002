namespace BirdInfra.Emulator.Webhooks;

/// <summary>One event of the catalogue with the filter keys a subscription to it may use.</summary>
public sealed record AvailableEventView(string Name, IReadOnlyList<string> FilterKeys);
