using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace BirdInfra.History;

/// <summary>
/// A stack's history, `.birdinfra/&lt;stack&gt;/history.jsonl` next to its state: append-only, one JSON record per line,
/// flushed to disk as it is written. Secrets never reach it (records hold masked display text only).
/// </summary>
public sealed class HistoryStore(string path)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public string FilePath { get; } = path;

    public async Task AppendAsync(HistoryRecord record, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var line = JsonSerializer.Serialize(record, Options) + "\n";
        await using var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Every record, oldest first; a line that is not a record (a torn last write) is counted in <c>Skipped</c>, not fatal.</summary>
    public async Task<(ImmutableArray<HistoryRecord> Records, int Skipped)> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return ([], 0);
        }

        var records = ImmutableArray.CreateBuilder<HistoryRecord>();
        var skipped = 0;
        foreach (var line in await File.ReadAllLinesAsync(FilePath, cancellationToken))
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
