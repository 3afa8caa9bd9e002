namespace BirdInfra.Tests.Support;

/// <summary>Counts calls in flight; the first <c>bound</c> calls wait until that many are in flight together.</summary>
public sealed class ConcurrencyProbe
{
    private readonly TaskCompletionSource _full = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _max;

    public int Max => Volatile.Read(ref _max);

    public static ConcurrencyProbe Hold(FakeBird bird, int bound, TimeSpan hang)
    {
        var probe = new ConcurrencyProbe();
        bird.BeforeEachCall = async _ =>
        {
            var now = Interlocked.Increment(ref probe._inFlight);
            InterlockedMax(ref probe._max, now);
            if (now >= bound)
            {
                probe._full.TrySetResult();
            }

            // Held until `bound` calls are in flight together; an applier that never reaches the bound fails on the timeout.
            await probe._full.Task.WaitAsync(hang);
            Interlocked.Decrement(ref probe._inFlight);
        };
        return probe;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
