using System.Text;
using System.Text.Json;
using BirdInfra.State.Postgres;

namespace BirdInfra.History;

/// <summary>
/// A stack's history, append-only, one JSON record per line: `.birdinfra/&lt;stack&gt;/history.jsonl` next to local state
/// (flushed to disk as it is written), or the <c>history</c> table when the state is in PostgreSQL. Secrets never reach
/// it (records hold masked display text only).
/// </summary>
public sealed class HistoryStore
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = false };
    private readonly string? _path;
    private readonly PostgresStateDatabase? _database;
    private readonly string _stack = string.Empty;

    public HistoryStore(string path) => _path = path;

    public HistoryStore(PostgresStateDatabase database, string stack)
    {
        _database = database;
        _stack = stack;
    }

    /// <summary>Where the history is, for messages.</summary>
    public string Name => _path ?? $"the history of stack {_stack} in PostgreSQL (schema {_database!.Schema})";

    public Task AppendAsync(HistoryRecord record, CancellationToken cancellationToken) =>
        AppendLineAsync(JsonSerializer.Serialize(record, Options), cancellationToken);

    /// <summary>Appends one stored line as it is (a record's JSON; also how `state migrate` copies a history).</summary>
    public async Task AppendLineAsync(string json, CancellationToken cancellationToken)
    {
        if (_database is not null)
        {
            await _database.AppendHistoryAsync(_stack, json, cancellationToken);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await using var stream = new FileStream(_path!, FileMode.Append, FileAccess.Write, FileShare.Read);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(json + "\n"), cancellationToken);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The stored lines, oldest first.</summary>
    public async Task<ImmutableArray<string>> ReadLinesAsync(CancellationToken cancellationToken) =>
        _database is not null
            ? [.. (await _database.ReadHistoryAsync(_stack, null, cancellationToken)).Reverse()]
            : File.Exists(_path) ? [.. await File.ReadAllLinesAsync(_path!, cancellationToken)] : [];

    public async Task<(ImmutableArray<HistoryRecord> Records, int Skipped)> ReadAsync(CancellationToken cancellationToken)
    {
        var records = ImmutableArray.CreateBuilder<HistoryRecord>();
        var skipped = 0;
        foreach (var line in await ReadLinesAsync(cancellationToken))
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                records.Add(JsonSerializer.Deserialize<HistoryRecord>(line, Options) ?? throw new JsonException("null record"));
            }
            catch (JsonException)
            {
                skipped++;
            }
        }

        return (records.ToImmutable(), skipped);
    }

    /// <summary>The JSON form of one record, as stored and as `history --json` prints it.</summary>
    public static JsonElement ToJson(HistoryRecord record) => JsonSerializer.SerializeToElement(record, Options);
}
