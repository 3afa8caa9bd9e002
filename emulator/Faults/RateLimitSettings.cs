namespace BirdInfra.Emulator.Faults;

/// <summary>Per-second request limits like Bird's documented ones (GET 50/s, POST 500/s); null = off.</summary>
public sealed record RateLimitSettings(int? GetPerSecond, int? PostPerSecond);
