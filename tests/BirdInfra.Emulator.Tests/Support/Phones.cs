namespace BirdInfra.Emulator.Tests.Support;

/// <summary>Distinct E.164 numbers so tests sharing an emulator never collide on connector uniqueness.</summary>
public static class Phones
{
    private static int _next = Random.Shared.Next(1_000_000, 8_000_000);

    public static string Next() => $"+3161{Interlocked.Increment(ref _next):D7}";
}
