using System.Text;
using System.Text.Json.Nodes;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra state migrate --to postgres|local`: copies a stack's state (snapshot and journal, byte for byte, so the
/// encryption stays as it is) and its history from the backend its stack file names to the other one, after checking the target holds
/// nothing for the stack, under both backends' run locks; then reads both and checks they hold the same state. The
/// source is left intact; the user points the stack file at the target.
/// </summary>
public static class StateMigrateCommand
{
    public static async Task<int> RunAsync(CommandOptions options, string to, ConsoleIO io, CancellationToken cancellationToken)
    {
        var paths = new StackPaths(options.Root, options.Stack);
        var load = StackSession.Load(paths, options.Kinds, io.Environment, checkSecrets: false);
        if (load.Stack is not { } stack)
        {
            io.WriteDiagnostics(load.Diagnostics);
            return ExitCodes.Error;
        }

        var from = stack.State;
        var target = to switch
        {
            StateBackendDefinition.PostgresBackend => from.IsPostgres
                ? throw new UserError($"Stack {options.Stack} already keeps its state in PostgreSQL (schema {from.Schema}).")
                : new StateBackendDefinition(StateBackendDefinition.PostgresBackend, null, StateBackendDefinition.DefaultSchema),
            StateBackendDefinition.LocalBackend => from.IsPostgres
                ? StateBackendDefinition.Local
                : throw new UserError($"Stack {options.Stack} already keeps its state locally, in {Path.GetRelativePath(paths.Root, paths.StateDirectory)}."),
            _ => throw new UserError($"--to must be postgres or local, not '{to}'."),
        };

        await using var source = await StateBackend.OpenAsync(from, paths, io.Environment, cancellationToken);
        await using var destination = await StateBackend.OpenAsync(target, paths, io.Environment, cancellationToken);
        await using var sourceLock = await source.LockAsync("state migrate", _ => { }, cancellationToken);
        await using var destinationLock = await destination.LockAsync("state migrate", _ => { }, cancellationToken);

        var occupied = new List<string>();
        if (await destination.Medium.ReadSnapshotAsync(cancellationToken) is not null)
        {
            occupied.Add(destination.Medium.Name);
        }

        if (await destination.Medium.ReadJournalAsync(cancellationToken) is not null)
        {
            occupied.Add(destination.Medium.JournalName);
        }

        if (!(await destination.History.ReadLinesAsync(cancellationToken)).IsEmpty)
        {
            occupied.Add(destination.History.Name);
        }

        if (occupied.Count > 0)
        {
            throw new UserError($"The target already holds {string.Join(", ", occupied)}; migrate only into an empty backend (remove what an earlier migration left there first). Nothing was copied.");
        }

        var snapshot = await source.Medium.ReadSnapshotAsync(cancellationToken)
            ?? throw new UserError($"Stack {options.Stack} has no state in {source.Medium.Name}: nothing to migrate.");
        var journal = await source.Medium.ReadJournalAsync(cancellationToken);

        // Both are read back with the passphrase before and after, so a copy that could not be opened is never left as the only one.
        var passphrase = await PassphraseSource.ResolveAsync(paths, stack.Target.UsesEmulator, io.Environment, cancellationToken);
        var (_, before) = await StateStore.OpenAsync(source.Medium, options.Stack, passphrase, cancellationToken);
        io.Out.WriteLine($"Copy the state of stack {options.Stack} (serial {before.Serial}, {before.Resources.Length} resources{(journal is null ? string.Empty : ", with its journal")}) and its history");
        io.Out.WriteLine($"  from {source.Medium.Name}");
        io.Out.WriteLine($"  to   {destination.Medium.Name}");
        if (!options.Yes && !io.Confirm("Migrate?"))
        {
            io.Error.WriteLine("Nothing copied. Run with --yes to migrate without being asked (required when not interactive).");
            return ExitCodes.Error;
        }

        var serial = JsonNode.Parse(Encoding.UTF8.GetString(snapshot))?["serial"]?.GetValue<long>() ?? 0;
        await destination.Medium.WriteSnapshotAsync(snapshot, null, serial, cancellationToken);
        if (journal is not null)
        {
            await destination.Medium.AppendJournalAsync([.. Lines(journal)], cancellationToken);
        }

        var history = await source.History.ReadLinesAsync(cancellationToken);
        foreach (var line in history.Where(l => l.Length > 0))
        {
            await destination.History.AppendLineAsync(line, cancellationToken);
        }

        var (_, after) = await StateStore.OpenAsync(destination.Medium, options.Stack, passphrase, cancellationToken);
        if (after.Serial != before.Serial || after.Lineage != before.Lineage
            || !after.Resources.Select(r => (r.Address, r.Id)).SequenceEqual(before.Resources.Select(r => (r.Address, r.Id))))
        {
            throw new StateException($"The copy in {destination.Medium.Name} does not read back as the state it was copied from; remove it before trying again. The source was not changed.");
        }

        io.Out.WriteLine($"Migrated: {destination.Medium.Name} holds serial {after.Serial} with {after.Resources.Length} resources. {source.Medium.Name} was left as it was; remove it once the stack runs from its new place.");
        io.Out.WriteLine($"Now point stacks/{options.Stack}.yaml at it:");
        io.Out.WriteLine(target.IsPostgres
            ? $"  state: {{ backend: postgres, connection: {{ env: {StateBackendDefinition.ConnectionVariable} }} }}"
            : "  state: { backend: local }   (or remove the state: setting)");
        return ExitCodes.Success;
    }

    /// <summary>The journal's lines, each with its newline, as the medium appends them.</summary>
    private static IEnumerable<byte[]> Lines(byte[] journal)
    {
        var start = 0;
        while (start < journal.Length)
        {
            var end = Array.IndexOf(journal, (byte)'\n', start);
            end = end < 0 ? journal.Length - 1 : end;
            yield return journal[start..(end + 1)];
            start = end + 1;
        }
    }
}
