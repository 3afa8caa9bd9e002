namespace BirdInfra.Emulator.Controls;

/// <summary>In-memory log of API requests (not <c>/_emulator</c>), bounded, resettable.</summary>
public sealed class CallLog
{
    private const int Capacity = 100_000;

    private readonly Lock _gate = new();
    private readonly Queue<CallRecord> _calls = new();

    public void Add(CallRecord call)
    {
        lock (_gate)
        {
            _calls.Enqueue(call);
            if (_calls.Count > Capacity)
            {
                _calls.Dequeue();
            }
        }
    }

    public IReadOnlyList<CallRecord> Snapshot()
    {
        lock (_gate)
        {
            return _calls.ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }
}
