using System.Text.Json;
using BirdInfra.History;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra history`: the records of every command that changed the stack's state, newest first (`--limit N` keeps the
/// newest N; `--json` prints one JSON array). Reads the history only (the file beside local state, or the PostgreSQL table): no lock, no passphrase, no call to Bird.
/// </summary>
public static class HistoryCommand
{
    public static async Task<int> RunAsync(CommandOptions options, ConsoleIO io, CancellationToken cancellationToken)
    {
        if (options.Limit is < 1)
        {
            throw new UserError($"--limit must be 1 or more, not {options.Limit}.");
        }

        var paths = new StackPaths(options.Root, options.Stack);
        var load = File.Exists(paths.StackFile) ? StackSession.Load(paths, options.Kinds, io.Environment, checkSecrets: false) : null;
        await using var backend = await StateBackend.OpenAsync(load?.Stack?.State ?? StateBackendDefinition.Local, paths, io.Environment, cancellationToken);
        var history = backend.History;
        var (records, skipped) = await history.ReadAsync(cancellationToken);
        var newestFirst = records.Reverse().Take(options.Limit ?? int.MaxValue).ToList();
        if (skipped > 0)
        {
            io.Error.WriteLine($"warning: {skipped} line(s) of {history.Name} are not history records and were left out.");
        }

        io.Out.Write(options.Json
            ? JsonSerializer.Serialize(newestFirst.Select(HistoryStore.ToJson), JsonText.Indented) + Environment.NewLine
            : HistoryTextRenderer.Render(options.Stack, newestFirst));
        return ExitCodes.Success;
    }
}
