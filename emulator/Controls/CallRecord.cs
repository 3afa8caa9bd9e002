namespace BirdInfra.Emulator.Controls;

/// <summary>One API request as seen by the emulator. <c>status</c> 0 = connection dropped by a fault; <c>fault</c> names the injected fault, if any.</summary>
public sealed record CallRecord(string Method, string Path, string Query, int Status, DateTimeOffset Timestamp, string? Fault);
