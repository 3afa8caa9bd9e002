namespace BirdInfra.State;

/// <summary>
/// Where a stack's state lives: the snapshot and the journal as bytes, written durably. <see cref="StateStore"/> owns
/// the format (versions, checksums, encryption, replay); a medium only stores: files in <c>.birdinfra/&lt;stack&gt;/</c>
/// (<see cref="FileStateMedium"/>) or rows in PostgreSQL (<see cref="Postgres.PostgresStateMedium"/>).
/// </summary>
public interface IStateMedium
{
    /// <summary>What the state is called in messages, e.g. <c>the state file .birdinfra/prod/state.json</c>.</summary>
    string Name { get; }

    /// <summary>How to get a good state back when this one cannot be used (a backup file, a database backup).</summary>
    string RestoreHint { get; }

    /// <summary>What the journal is called in messages, e.g. <c>the state journal .birdinfra/prod/state.journal</c>.</summary>
    string JournalName { get; }

    /// <summary>How to go on when the journal cannot be used.</summary>
    string JournalRestoreHint { get; }

    /// <summary>The snapshot's bytes, or null when the stack has none yet.</summary>
    Task<byte[]?> ReadSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>The journal's bytes (lines as <see cref="JournalFile"/> writes them), or null when there is none.</summary>
    Task<byte[]?> ReadJournalAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the snapshot atomically. <paramref name="previousSerial"/> is the serial of the snapshot this store read or
    /// last wrote (null: none yet); a medium shared by several machines refuses when the stored one is no longer that.
    /// </summary>
    Task WriteSnapshotAsync(byte[] snapshot, long? previousSerial, long serial, CancellationToken cancellationToken);

    /// <summary>Appends lines to the journal; durable (fsynced, committed) when the task ends. Called by one writer at a time.</summary>
    Task AppendJournalAsync(IReadOnlyList<byte[]> lines, CancellationToken cancellationToken);

    /// <summary>Removes the journal, once a snapshot holds everything it said.</summary>
    Task DeleteJournalAsync(CancellationToken cancellationToken);
}
