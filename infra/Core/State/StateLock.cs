using System.Text.Json;
using System.Text.Json.Nodes;

namespace BirdInfra.State;

/// <summary>
/// An exclusive lock on a stack's state, held as a file moved into place only if none exists. A second run is refused
/// at once with who holds the lock and since when. A lock left on this host by a process that no longer
/// runs (a killed run) is taken over; any other lock is cleared explicitly with `birdinfra unlock`.
/// </summary>
public sealed class StateLock : IDisposable
{
    private readonly string _path;
    private bool _released;

    private StateLock(string path, string? takenOverFrom)
    {
        _path = path;
        TakenOverFrom = takenOverFrom;
    }

    /// <summary>Who held the stale lock this one replaced ("birdinfra up (pid 123, …)"), or null.</summary>
    public string? TakenOverFrom { get; }

    /// <param name="time">The clock for the lock's "since"; the system clock when null.</param>
    public static StateLock Acquire(string path, string stack, string command, TimeProvider? time = null)
    {
        var since = (time ?? TimeProvider.System).GetUtcNow();
        try
        {
            return AcquireOnce(path, stack, command, since, null);
        }
        catch (StateException) when (StaleHolder(path) is { } stale && TryRemoveStale(path, stale))
        {
            return AcquireOnce(path, stack, command, since, DescribeContent(stale));
        }
    }

    private static StateLock AcquireOnce(string path, string stack, string command, DateTimeOffset since, string? takenOverFrom)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var info = new JsonObject
        {
            ["pid"] = Environment.ProcessId,
            ["host"] = Environment.MachineName,
            ["user"] = Environment.UserName,
            ["command"] = command,
            ["since"] = since.ToString("O"),
        };

        // The lock appears whole or not at all: written beside it, then moved into place without overwriting
        // (link + unlink on Unix). A run killed between creating and writing the file would otherwise leave an
        // empty lock nobody could attribute, and the next run could not take it over.
        var pending = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(pending, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, info);
                stream.Flush(flushToDisk: true);
            }

            File.Move(pending, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(pending);
            throw new StateException($"Stack '{stack}' is locked: {Describe(path)}. If that run is gone, clear the lock with `birdinfra unlock --stack {stack}`.");
        }

        return new StateLock(path, takenOverFrom);
    }

    /// <summary>Who holds the lock, for messages: "birdinfra up (pid 123, user@host) since …".</summary>
    public static string Describe(string path)
    {
        try
        {
            return DescribeContent(File.ReadAllText(path));
        }
        catch (IOException)
        {
            return "held by an unknown run (the lock file is unreadable)";
        }
    }

    private static string DescribeContent(string? content)
    {
        try
        {
            var node = JsonNode.Parse(content ?? string.Empty);
            return $"held by `birdinfra {node?["command"]}` (pid {node?["pid"]}, {node?["user"]}@{node?["host"]}) since {node?["since"]}";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return "held by an unknown run (the lock file is unreadable)";
        }
    }

    /// <summary>The lock file's content when it was written on this host by a process that is gone; otherwise null.</summary>
    private static string? StaleHolder(string path)
    {
        try
        {
            var content = File.ReadAllText(path);
            var node = JsonNode.Parse(content);
            if (node?["host"]?.GetValue<string>() != Environment.MachineName || node["pid"]?.GetValue<int>() is not { } pid)
            {
                return null;
            }

            return IsRunning(pid) ? null : content;
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Moves the stale lock aside and deletes it, unless another run replaced it in the meantime (then it is
    /// put back and the lock stays refused). A reused pid only makes a dead run look alive, never the reverse.
    /// </summary>
    private static bool TryRemoveStale(string path, string staleContent)
    {
        var aside = $"{path}.stale.{Environment.ProcessId}";
        try
        {
            File.Move(path, aside, overwrite: true);
            if (File.ReadAllText(aside) == staleContent)
            {
                File.Delete(aside);
                return true;
            }

            File.Move(aside, path, overwrite: false);
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_released)
        {
            _released = true;
            File.Delete(_path);
        }
    }
}
