namespace BirdInfra.Emulator.Webhooks;

/// <summary>One service of the catalogue and its events.</summary>
public sealed record AvailableServiceView(string Service, IReadOnlyList<AvailableEventView> Events);
