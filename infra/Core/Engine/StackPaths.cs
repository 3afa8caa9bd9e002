namespace BirdInfra.Engine;

/// <summary>Where a stack's files live: its YAML under stacks/, its state, lock and local keys under the git-ignored .birdinfra/.</summary>
public sealed record StackPaths(string Root, string Stack)
{
    public string StackFile => Path.Combine(Root, "stacks", Stack + ".yaml");

    public string StateDirectory => Path.Combine(Root, ".birdinfra", Stack);

    public string StateFile => Path.Combine(StateDirectory, "state.json");

    public string LockFile => Path.Combine(StateDirectory, "state.lock");

    /// <summary>The stack's history: one JSON record per state-changing command, append-only (<see cref="History.HistoryStore"/>).</summary>
    public string HistoryFile => Path.Combine(StateDirectory, "history.jsonl");

    public string PassphraseFile => Path.Combine(StateDirectory, "passphrase");

    public string EmulatorDataFile => Path.Combine(StateDirectory, "emulator.json");

    /// <summary>The project root: the nearest folder at or above <paramref name="start"/> holding a stacks/ folder.</summary>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "stacks")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
