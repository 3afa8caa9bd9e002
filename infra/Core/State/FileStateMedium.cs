namespace BirdInfra.State;

/// <summary>
/// State in files: the snapshot <c>state.json</c> (written to a temp file, then renamed over the old one, which is kept
/// as <c>state.json.bak</c>) and the journal <c>state.journal</c> beside it (appended and fsynced).
/// </summary>
public sealed class FileStateMedium(string path) : IStateMedium
{
    public string FilePath { get; } = path;

    public string BackupPath => FilePath + ".bak";

    public string JournalPath { get; } = StateStore.JournalPathOf(path);

    public string Name => $"the state file {FilePath}";

    public string RestoreHint => $"Restore it from {BackupPath} or from version control, or move it aside deliberately if the stack owns nothing.";

    public string JournalName => $"the state journal {JournalPath}";

    public string JournalRestoreHint =>
        $"Restore {FilePath} and its journal from a backup, or, knowing that the journal's last steps are lost, move the journal aside deliberately; {BackupPath} holds the snapshot before the last one.";

    public Task<byte[]?> ReadSnapshotAsync(CancellationToken cancellationToken) => ReadSharedAsync(FilePath, cancellationToken);

    public Task<byte[]?> ReadJournalAsync(CancellationToken cancellationToken) => ReadSharedAsync(JournalPath, cancellationToken);

    public async Task WriteSnapshotAsync(byte[] snapshot, long? previousSerial, long serial, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(FilePath))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(FilePath)}.{Environment.ProcessId}.tmp");
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await stream.WriteAsync(snapshot, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        if (File.Exists(FilePath))
        {
            File.Copy(FilePath, BackupPath, overwrite: true);
        }

        File.Move(temp, FilePath, overwrite: true);
    }

    public async Task AppendJournalAsync(IReadOnlyList<byte[]> lines, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(JournalPath, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous);
        foreach (var line in lines)
        {
            await stream.WriteAsync(line, cancellationToken);
        }

        // One fsync for the whole batch: every entry in it is durable when the task ends (.NET has no asynchronous fsync).
        await stream.FlushAsync(cancellationToken);
        stream.Flush(flushToDisk: true);
    }

    public Task DeleteJournalAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        File.Delete(JournalPath);
        return Task.CompletedTask;
    }

    /// <summary>The file's bytes, or null when it does not exist; shared so that a writer's rename or delete is never blocked.</summary>
    private static async Task<byte[]?> ReadSharedAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.Asynchronous);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory, cancellationToken);
            return memory.ToArray();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
