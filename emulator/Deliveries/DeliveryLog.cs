namespace BirdInfra.Emulator.Deliveries;

/// <summary>In-memory log of webhook deliveries for <c>GET /_emulator/deliveries</c>; bounded so long runs do not grow forever.</summary>
public sealed class DeliveryLog
{
    private const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, DeliveryRecord> _records = new(StringComparer.Ordinal);

    public void Upsert(DeliveryRecord record) => Upsert([record]);

    /// <summary>Adds or replaces the records at once: a reader sees all of them or none.</summary>
    public void Upsert(IReadOnlyList<DeliveryRecord> records)
    {
        lock (_gate)
        {
            foreach (var record in records)
            {
                if (!_records.ContainsKey(record.RequestId))
                {
                    _order.Add(record.RequestId);
                    if (_order.Count > Capacity)
                    {
                        _records.Remove(_order[0]);
                        _order.RemoveAt(0);
                    }
                }

                _records[record.RequestId] = record;
            }
        }
    }

    public IReadOnlyList<DeliveryRecord> Snapshot()
    {
        lock (_gate)
        {
            return _order.Select(id => _records[id]).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _order.Clear();
            _records.Clear();
        }
    }
}
