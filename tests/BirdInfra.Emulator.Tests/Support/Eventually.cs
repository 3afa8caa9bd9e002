namespace BirdInfra.Emulator.Tests.Support;

/// <summary>Polls until a condition holds or a deadline passes; tests never synchronise on fixed sleeps.</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout} waiting for {what}");
            }

            // wall-clock-ok: the pause between two reads of an observed condition, not a wait in place of it.
            await Task.Delay(25);
        }
    }
}
