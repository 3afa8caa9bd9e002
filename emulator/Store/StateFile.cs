using System.Text.Json;

namespace BirdInfra.Emulator.Store;

/// <summary>Reads and atomically writes the <c>--data</c> file (temp file in the same folder, then rename).</summary>
internal static class StateFile
{
    public static EmulatorState? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            var state = JsonSerializer.Deserialize<EmulatorState>(bytes, EmulatorJson.FileOptions)
                ?? throw new EmulatorStartupException($"data file '{path}' is empty");
            if (state.Version != EmulatorState.CurrentVersion)
            {
                throw new EmulatorStartupException($"data file '{path}' has version {state.Version}; this emulator reads version {EmulatorState.CurrentVersion}");
            }

            return state;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new EmulatorStartupException($"cannot read data file '{path}': {e.Message}", e);
        }
    }

    public static void Save(string path, EmulatorState state)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, state, EmulatorJson.FileOptions);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
