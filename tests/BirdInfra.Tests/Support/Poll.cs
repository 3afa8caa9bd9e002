namespace BirdInfra.Tests.Support;

/// <summary>
/// Waits for a condition a test observes (the emulator's call log or fault list, a process's state) by reading it
/// again until it holds. The timeout only stops a hung test, with a message saying what never happened; it is never
/// the thing a test checks.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    /// <summary>Reads <paramref name="probe"/> until it answers a value, and returns it.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what, CancellationToken cancellationToken = default)
        where T : class
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            try
            {
                // wall-clock-ok: the pause between two reads of an observed condition, not a wait in place of it.
                await Task.Delay(Interval, limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"timed out after {timeout} waiting for {what}");
            }
        }
    }

    /// <summary>Reads <paramref name="condition"/> until it holds.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken cancellationToken = default) =>
        UntilAsync<object>(async () => await condition() ? true : null, timeout, what, cancellationToken);
}
