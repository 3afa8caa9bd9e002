using System.Security.Cryptography;
using System.Text;

namespace BirdInfra.State;

/// <summary>
/// The append-only file next to a state snapshot (docs/state-journal.md): one line per entry, <c>sha256hex json</c>, the
/// checksum over the JSON's UTF-8 bytes. Entries that arrive while a write is on its way to disk are written and fsynced
/// together (group commit), so ten operations in flight cost one fsync, not ten. After a failed write nothing more is
/// appended: the file never gets a gap, only a torn end, which readers ignore.
/// </summary>
internal sealed class JournalFile(IStateMedium medium)
{
    private readonly object _sync = new();
    private List<(byte[] Line, TaskCompletionSource? Done)> _queue = [];
    private Task _flusher = Task.CompletedTask;
    private bool _flushing;
    private Exception? _failed;

    /// <summary>What the journal is called in messages.</summary>
    public string Name => medium.JournalName;

    /// <summary>Bytes this store's journal holds (including what a crashed run left, until the next snapshot).</summary>
    public long Length { get; private set; }

    /// <summary>A journal a previous run left (it crashed or was killed): it must be folded into a snapshot before appending.</summary>
    public bool Leftover { get; private set; }

    public static string Line(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant() + " " + json;
    }

    /// <summary>
    /// The JSON of every entry whose checksum holds, in order, and whether a torn last entry was dropped. A damaged entry
    /// before the last one is reported through <paramref name="damaged"/> (its 1-based line number); null when none.
    /// </summary>
    public static (List<string> Entries, bool TornEnd, int? Damaged) Parse(byte[] content)
    {
        var entries = new List<string>();
        var start = 0;
        var lineNumber = 0;
        while (start < content.Length)
        {
            lineNumber++;
            var end = Array.IndexOf(content, (byte)'\n', start);
            var isLast = end < 0 || end == content.Length - 1;

            // Written in one go with its newline last: a line without one was cut by a crash.
            if (end < 0)
            {
                return (entries, true, null);
            }

            if (TryVerify(content.AsSpan(start, end - start), out var json))
            {
                entries.Add(json);
            }
            else
            {
                return isLast ? (entries, true, null) : (entries, false, lineNumber);
            }

            start = end + 1;
        }

        return (entries, false, null);
    }

    public void Opened(long length)
    {
        Length = length;
        Leftover = length > 0;
    }

    /// <summary>Queues one line (made by <see cref="Line"/>); the task ends once it is fsynced, with <paramref name="header"/> first in a new file.</summary>
    public Task AppendAsync(string line, Func<string> header)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            if (_failed is not null)
            {
                done.SetException(EarlierFailure(_failed));
                return done.Task;
            }

            if (Length == 0 && _queue.Count == 0 && !_flushing)
            {
                _queue.Add((Encoding.UTF8.GetBytes(header() + "\n"), null));
            }

            _queue.Add((Encoding.UTF8.GetBytes(line + "\n"), done));
            if (!_flushing)
            {
                _flushing = true;
                _flusher = Task.Run(FlushAsync);
            }
        }

        return done.Task;
    }

    /// <summary>Waits until everything queued is on disk (or failed).</summary>
    public async Task DrainAsync()
    {
        while (true)
        {
            Task flusher;
            lock (_sync)
            {
                if (!_flushing)
                {
                    return;
                }

                flusher = _flusher;
            }

            await flusher.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Removes the file once a snapshot holds everything it said; the next append starts a new one. Called after
    /// <see cref="DrainAsync"/> by the one writer, so no append is on its way meanwhile.
    /// </summary>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        await medium.DeleteJournalAsync(cancellationToken).ConfigureAwait(false);
        lock (_sync)
        {
            Length = 0;
            Leftover = false;
            _failed = null;
        }
    }

    /// <summary>What every append gets once a write has failed: the journal never gets a gap, only a torn end.</summary>
    private IOException EarlierFailure(Exception failed) =>
        new($"{MediumNames.Capitalized(Name)} could not be written earlier ({failed.Message}); nothing more is appended to it.", failed);

    private static bool TryVerify(ReadOnlySpan<byte> line, out string json)
    {
        json = string.Empty;
        if (line.Length < 66 || line[64] != (byte)' ')
        {
            return false;
        }

        var payload = line[65..];
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload, hash);
        if (!Convert.ToHexString(hash).Equals(Encoding.ASCII.GetString(line[..64]), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        json = Encoding.UTF8.GetString(payload);
        return true;
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            List<(byte[] Line, TaskCompletionSource? Done)> batch;
            lock (_sync)
            {
                if (_queue.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                batch = _queue;
                _queue = [];
            }

            try
            {
                if (_failed is not null)
                {
                    throw EarlierFailure(_failed);
                }

                // Not cancellable: the batch holds steps that finished, which must be recorded even when the run is being stopped.
                await medium.AppendJournalAsync([.. batch.Select(b => b.Line)], CancellationToken.None).ConfigureAwait(false);

                lock (_sync)
                {
                    Length += batch.Sum(b => (long)b.Line.Length);
                }

                foreach (var (_, done) in batch)
                {
                    done?.TrySetResult();
                }
            }
            catch (Exception e)
            {
                lock (_sync)
                {
                    _failed ??= e;
                }

                foreach (var (_, done) in batch)
                {
                    done?.TrySetException(e);
                }
            }
        }
    }
}
