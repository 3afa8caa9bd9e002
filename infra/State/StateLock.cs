using System.Text.Json;
using System.Text.Json.Nodes;

namespace BirdInfra.State;

/// <summary>
/// An exclusive lock on a stack's state, held as a file created with CreateNew. A second run is refused
/// at once with who holds the lock and since when; a lock left by a killed run is cleared explicitly.
/// </summary>
public sealed class StateLock : IDisposable
{
    private readonly string _path;
    private bool _released;

    private StateLock(string path) => _path = path;

    public static StateLock Acquire(string path, string stack, string command)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var info = new JsonObject
        {
            ["pid"] = Environment.ProcessId,
            ["host"] = Environment.MachineName,
            ["user"] = Environment.UserName,
            ["command"] = command,
            ["since"] = DateTimeOffset.UtcNow.ToString("O"),
        };
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            JsonSerializer.Serialize(stream, info);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new StateException($"Stack '{stack}' is locked: {Describe(path)}. If that run is gone, clear the lock with `birdinfra unlock --stack {stack}`.");
        }

        return new StateLock(path);
    }

    /// <summary>Who holds the lock, for messages: "birdinfra up (pid 123, user@host) since …".</summary>
    public static string Describe(string path)
    {
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path));
            var gone = node?["host"]?.GetValue<string>() == Environment.MachineName && node?["pid"]?.GetValue<int>() is { } pid && !IsRunning(pid)
                ? "; no process with that pid runs on this host now, so the run was probably killed"
                : string.Empty;
            return $"held by `birdinfra {node?["command"]}` (pid {node?["pid"]}, {node?["user"]}@{node?["host"]}) since {node?["since"]}{gone}";
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or FormatException)
        {
            return "held by an unknown run (the lock file is unreadable)";
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

    public void Dispose()
    {
        if (!_released)
        {
            _released = true;
            File.Delete(_path);
        }
    }
}
