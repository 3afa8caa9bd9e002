using System.Text;

namespace BirdInfra.State.Postgres;

/// <summary>
/// A stack's state in PostgreSQL: the snapshot in <c>state</c> (replaced in a transaction with an optimistic check on
/// the serial), the journal in <c>journal</c> (one row per entry, committed before the step it records goes on). The
/// bytes are exactly those of the local files, so the format, checksums and encryption are the same.
/// </summary>
public sealed class PostgresStateMedium(PostgresStateDatabase database, string stack) : IStateMedium
{
    public string Name => $"the state of stack {stack} in PostgreSQL (schema {database.Schema})";

    public string RestoreHint => "Restore the database from a backup, or delete the stack's row deliberately if the stack owns nothing.";

    public string JournalName => $"the state journal of stack {stack} in PostgreSQL (schema {database.Schema})";

    public string JournalRestoreHint =>
        $"Restore the database from a backup, or, knowing that the journal's last steps are lost, delete the stack's journal rows deliberately (DELETE FROM {database.Schema}.journal WHERE stack = '{stack}').";

    public async Task<byte[]?> ReadSnapshotAsync(CancellationToken cancellationToken) =>
        await database.ReadSnapshotAsync(stack, cancellationToken) is { } snapshot ? Encoding.UTF8.GetBytes(snapshot.Text) : null;

    public async Task<byte[]?> ReadJournalAsync(CancellationToken cancellationToken)
    {
        var entries = await database.ReadJournalAsync(stack, cancellationToken);
        return entries.IsEmpty ? null : Encoding.UTF8.GetBytes(string.Concat(entries));
    }

    public Task WriteSnapshotAsync(byte[] snapshot, long? previousSerial, long serial, CancellationToken cancellationToken) =>
        database.WriteSnapshotAsync(stack, previousSerial, serial, Encoding.UTF8.GetString(snapshot), cancellationToken);

    public Task AppendJournalAsync(IReadOnlyList<byte[]> lines, CancellationToken cancellationToken) =>
        database.AppendJournalAsync(stack, [.. lines.Select(Encoding.UTF8.GetString)], cancellationToken);

    public Task DeleteJournalAsync(CancellationToken cancellationToken) => database.ClearJournalAsync(stack, cancellationToken);
}
