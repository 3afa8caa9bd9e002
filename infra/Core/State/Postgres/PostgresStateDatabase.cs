using Npgsql;

namespace BirdInfra.State.Postgres;

/// <summary>
/// The built-in engine's state in PostgreSQL, for a team: one row set per stack in a schema of its own (default
/// <c>birdinfra</c>): the snapshot with its serial, the journal of operations, the history, and who holds the run lock.
/// What is stored is the same text the local backend writes (secrets encrypted under the stack's passphrase), so no
/// table holds a plaintext secret. Tables are created on first use and migrated by <see cref="SchemaVersion"/>; a
/// database migrated by a newer BirdInfra is refused.
/// </summary>
public sealed class PostgresStateDatabase : IAsyncDisposable
{
    /// <summary>The version of the tables this BirdInfra creates and reads.</summary>
    public const int SchemaVersion = 1;

    private readonly NpgsqlDataSource _source;

    private PostgresStateDatabase(NpgsqlDataSource source, string schema)
    {
        _source = source;
        Schema = schema;
    }

    public string Schema { get; }

    /// <summary>Connects, and creates or migrates the tables (serialised across processes by a transaction-level advisory lock).</summary>
    /// <exception cref="StateException">The server cannot be reached, or its tables are of a newer version.</exception>
    public static async Task<PostgresStateDatabase> OpenAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        NpgsqlDataSource source;
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "birdinfra" };
            source = NpgsqlDataSource.Create(builder);
        }
        catch (ArgumentException e)
        {
            // The message of a malformed connection string names the bad keyword, never its value.
            throw new StateException($"The PostgreSQL connection string of the state backend is not valid: {e.Message}");
        }

        var database = new PostgresStateDatabase(source, schema);
        try
        {
            await database.MigrateAsync(cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>The stored snapshot of a stack, or null when the stack has none yet.</summary>
    public async Task<StoredSnapshot?> ReadSnapshotAsync(string stack, CancellationToken cancellationToken) =>
        await RunAsync(
            "read the state",
            async connection =>
            {
                await using var command = Command(connection, "SELECT serial, snapshot FROM {0}.state WHERE stack = @stack", ("stack", stack));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? new StoredSnapshot(reader.GetInt64(0), reader.GetString(1)) : null;
            },
            cancellationToken);

    /// <summary>
    /// Replaces a stack's snapshot in one transaction, only if the stored serial is still <paramref name="expectedSerial"/>
    /// (null: no snapshot yet): of two writers that read the same serial, exactly one wins.
    /// </summary>
    /// <exception cref="StateException">Another writer changed the state since it was read.</exception>
    public async Task WriteSnapshotAsync(string stack, long? expectedSerial, long serial, string snapshot, CancellationToken cancellationToken) =>
        await RunAsync(
            "write the state",
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var command = expectedSerial is { } expected
                    ? Command(connection, "UPDATE {0}.state SET serial = @serial, snapshot = @snapshot, updated_at = now() WHERE stack = @stack AND serial = @expected", ("stack", stack), ("serial", serial), ("snapshot", snapshot), ("expected", expected))
                    : Command(connection, "INSERT INTO {0}.state (stack, serial, snapshot) VALUES (@stack, @serial, @snapshot) ON CONFLICT (stack) DO NOTHING", ("stack", stack), ("serial", serial), ("snapshot", snapshot));
                command.Transaction = transaction;
                if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    throw new StateException(
                        $"The state of stack {stack} in PostgreSQL (schema {Schema}) was changed by another writer since this run read it (expected serial {(expectedSerial is { } e ? e : "none")}). Nothing was overwritten; run the command again.");
                }

                await transaction.CommitAsync(cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>Appends journal entries (already encrypted and checksummed by the caller) in one transaction, committed before this returns.</summary>
    public async Task AppendJournalAsync(string stack, IReadOnlyList<string> entries, CancellationToken cancellationToken) =>
        await RunAsync(
            "append to the journal",
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                foreach (var entry in entries)
                {
                    await Execute(connection, transaction, "INSERT INTO {0}.journal (stack, entry) VALUES (@stack, @entry)", cancellationToken, ("stack", stack), ("entry", entry));
                }

                await transaction.CommitAsync(cancellationToken);
                return entries.Count;
            },
            cancellationToken);

    /// <summary>The stack's journal entries, oldest first.</summary>
    public Task<ImmutableArray<string>> ReadJournalAsync(string stack, CancellationToken cancellationToken) =>
        ReadAllAsync("journal", "entry", stack, newestFirst: false, limit: null, cancellationToken);

    /// <summary>Drops the stack's journal entries (after they were folded into the snapshot).</summary>
    public async Task ClearJournalAsync(string stack, CancellationToken cancellationToken) =>
        await RunAsync(
            "clear the journal",
            async connection =>
            {
                await using var command = Command(connection, "DELETE FROM {0}.journal WHERE stack = @stack", ("stack", stack));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    /// <summary>Appends one history record; the history is never updated or deleted.</summary>
    public Task AppendHistoryAsync(string stack, string record, CancellationToken cancellationToken) =>
        AppendAsync("history", "record", stack, record, cancellationToken);

    /// <summary>The stack's history records, newest first, at most <paramref name="limit"/>.</summary>
    public Task<ImmutableArray<string>> ReadHistoryAsync(string stack, int? limit, CancellationToken cancellationToken) =>
        ReadAllAsync("history", "record", stack, newestFirst: true, limit, cancellationToken);

    /// <summary>True when the stack has no snapshot, journal or history here (the check before a migration into this backend).</summary>
    public async Task<bool> IsEmptyAsync(string stack, CancellationToken cancellationToken) =>
        await RunAsync(
            "read the state",
            async connection =>
            {
                await using var command = Command(
                    connection,
                    "SELECT NOT EXISTS (SELECT 1 FROM {0}.state WHERE stack = @stack) AND NOT EXISTS (SELECT 1 FROM {0}.journal WHERE stack = @stack) AND NOT EXISTS (SELECT 1 FROM {0}.history WHERE stack = @stack)",
                    ("stack", stack));
                return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
            },
            cancellationToken);

    /// <summary>
    /// Takes the stack's run lock: a session-level advisory lock held on a connection of its own for the whole run, plus a
    /// row saying who holds it and since when. A second run is refused at once, naming the holder; when the holder's
    /// process dies, PostgreSQL ends its session and so releases the lock.
    /// </summary>
    public async Task<PostgresRunLock> AcquireLockAsync(string stack, string command, string holder, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _source.OpenConnectionAsync(cancellationToken);
            var key = PostgresRunLock.Key(Schema, stack);
            await using (var take = Command(connection, "SELECT pg_try_advisory_lock(@key)", ("key", key)))
            {
                if (!(bool)(await take.ExecuteScalarAsync(cancellationToken))!)
                {
                    await using var who = Command(connection, "SELECT holder, command, since FROM {0}.locks WHERE stack = @stack", ("stack", stack));
                    await using var reader = await who.ExecuteReaderAsync(cancellationToken);
                    var description = await reader.ReadAsync(cancellationToken)
                        ? $"{reader.GetString(0)} running `{reader.GetString(1)}` since {reader.GetFieldValue<DateTimeOffset>(2).ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC"
                        : "another run (it is starting)";
                    throw new StateException(
                        $"Stack {stack} is locked in PostgreSQL (schema {Schema}) by {description}. Nothing was read from Bird or sent to it; "
                        + "wait for that run to finish. A run whose process died holds no lock: PostgreSQL releases it with the session.");
                }
            }

            await using (var record = Command(
                connection,
                "INSERT INTO {0}.locks (stack, holder, command, since) VALUES (@stack, @holder, @command, now()) ON CONFLICT (stack) DO UPDATE SET holder = excluded.holder, command = excluded.command, since = excluded.since",
                ("stack", stack),
                ("holder", holder),
                ("command", command)))
            {
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            var acquired = new PostgresRunLock(connection, Schema, stack, key);
            connection = null;
            return acquired;
        }
        catch (NpgsqlException e)
        {
            throw Unreachable("take the run lock", e);
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    internal static StateException Unreachable(string what, NpgsqlException e) =>
        new($"Could not {what} in PostgreSQL: {e.Message.TrimEnd('.')}. Nothing was lost: what was written before is committed, and the next run continues from it.");

    private async Task MigrateAsync(CancellationToken cancellationToken) =>
        await RunAsync(
            "prepare the state tables",
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", PostgresRunLock.Key(Schema, "(migration)")));
                await Execute(connection, transaction, "CREATE SCHEMA IF NOT EXISTS {0}", cancellationToken);
                await Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS {0}.schema_version (version integer NOT NULL, migrated_at timestamptz NOT NULL DEFAULT now())", cancellationToken);
                await using var read = Command(connection, "SELECT max(version) FROM {0}.schema_version");
                read.Transaction = transaction;
                var stored = await read.ExecuteScalarAsync(cancellationToken) is int version ? version : 0;
                if (stored > SchemaVersion)
                {
                    throw new StateException(
                        $"The state tables in PostgreSQL (schema {Schema}) were created by a newer BirdInfra (schema version {stored}; this one knows up to {SchemaVersion}). Upgrade BirdInfra; nothing was read or changed.");
                }

                if (stored < 1)
                {
                    await Execute(connection, transaction, "CREATE TABLE {0}.state (stack text PRIMARY KEY, serial bigint NOT NULL, snapshot text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())", cancellationToken);
                    await Execute(connection, transaction, "CREATE TABLE {0}.journal (seq bigserial PRIMARY KEY, stack text NOT NULL, entry text NOT NULL, written_at timestamptz NOT NULL DEFAULT now())", cancellationToken);
                    await Execute(connection, transaction, "CREATE INDEX journal_stack ON {0}.journal (stack, seq)", cancellationToken);
                    await Execute(connection, transaction, "CREATE TABLE {0}.history (seq bigserial PRIMARY KEY, stack text NOT NULL, record text NOT NULL, written_at timestamptz NOT NULL DEFAULT now())", cancellationToken);
                    await Execute(connection, transaction, "CREATE INDEX history_stack ON {0}.history (stack, seq)", cancellationToken);
                    await Execute(connection, transaction, "CREATE TABLE {0}.locks (stack text PRIMARY KEY, holder text NOT NULL, command text NOT NULL, since timestamptz NOT NULL)", cancellationToken);
                    await Execute(connection, transaction, "INSERT INTO {0}.schema_version (version) VALUES (1)", cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return true;
            },
            cancellationToken);

    private async Task AppendAsync(string table, string column, string stack, string text, CancellationToken cancellationToken) =>
        await RunAsync(
            $"append to the {table}",
            async connection =>
            {
                await using var command = Command(connection, $"INSERT INTO {{0}}.{table} (stack, {column}) VALUES (@stack, @text)", ("stack", stack), ("text", text));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    private async Task<ImmutableArray<string>> ReadAllAsync(string table, string column, string stack, bool newestFirst, int? limit, CancellationToken cancellationToken) =>
        await RunAsync(
            $"read the {table}",
            async connection =>
            {
                await using var command = Command(
                    connection,
                    $"SELECT {column} FROM {{0}}.{table} WHERE stack = @stack ORDER BY seq {(newestFirst ? "DESC" : "ASC")}{(limit is { } n ? $" LIMIT {n}" : string.Empty)}",
                    ("stack", stack));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var rows = ImmutableArray.CreateBuilder<string>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(reader.GetString(0));
                }

                return rows.ToImmutable();
            },
            cancellationToken);

    private async Task<T> RunAsync<T>(string what, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            return await work(connection);
        }
        catch (NpgsqlException e)
        {
            throw Unreachable(what, e);
        }
    }

    private async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A command whose <c>{0}</c> is the quoted schema; values only ever as parameters.</summary>
    private NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql.Replace("{0}", "\"" + Schema + "\"", StringComparison.Ordinal);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
