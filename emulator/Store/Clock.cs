namespace BirdInfra.Emulator.Store;

/// <summary>Timestamps are kept at millisecond precision so stored values, wire values and page tokens agree.</summary>
internal static class Clock
{
    public static DateTimeOffset NowMs(this TimeProvider time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    public static string NewId() => Guid.NewGuid().ToString("D");
}
