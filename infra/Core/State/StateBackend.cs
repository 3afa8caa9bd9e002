using BirdInfra.History;
using BirdInfra.State.Postgres;

namespace BirdInfra.State;

/// <summary>
/// Where a stack's state, lock and history live, as its <c>state:</c> setting says: files in <c>.birdinfra/&lt;stack&gt;/</c>
/// (local, the default) or tables in PostgreSQL. Commands open state, take the run lock and read history only through
/// this, so everything that works on local state works the same on PostgreSQL.
/// </summary>
public sealed class StateBackend : IAsyncDisposable
{
    private readonly PostgresStateDatabase? _database;

    private StateBackend(StackPaths paths, IStateMedium medium, PostgresStateDatabase? database)
    {
        Paths = paths;
        Medium = medium;
        _database = database;
    }

    public StackPaths Paths { get; }

    public IStateMedium Medium { get; }

    /// <summary>The PostgreSQL database, when the stack's state is there.</summary>
    public PostgresStateDatabase? Database => _database;

    public bool IsPostgres => _database is not null;

    /// <summary>The stack's history: <c>history.jsonl</c> beside local state, or the <c>history</c> table.</summary>
    public HistoryStore History => _database is null ? new HistoryStore(Paths.HistoryFile) : new HistoryStore(_database, Paths.Stack);

    /// <summary>Connects to the stack's state backend (creating PostgreSQL tables on first use); reads nothing yet.</summary>
    public static async Task<StateBackend> OpenAsync(StateBackendDefinition definition, StackPaths paths, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        if (!definition.IsPostgres)
        {
            return new StateBackend(paths, new FileStateMedium(paths.StateFile), null);
        }

        var variable = definition.Connection?.EnvironmentVariable ?? StateBackendDefinition.ConnectionVariable;
        if (environment(variable) is not { Length: > 0 } connection)
        {
            throw new UserError($"Set the environment variable {variable}: it holds the PostgreSQL connection string of this stack's state (state.connection).");
        }

        var database = await PostgresStateDatabase.OpenAsync(connection, definition.Schema, cancellationToken);
        return new StateBackend(paths, new PostgresStateMedium(database, paths.Stack), database);
    }

    /// <summary>
    /// Takes the stack's run lock: a lock file (a stale one of a dead process on this host is taken over, said through
    /// <paramref name="tookOver"/>), or PostgreSQL's advisory lock. A lock another run holds is refused at once, naming it.
    /// </summary>
    public async Task<IAsyncDisposable> LockAsync(string command, Action<string> tookOver, CancellationToken cancellationToken)
    {
        if (_database is null)
        {
            var fileLock = StateLock.Acquire(Paths.LockFile, Paths.Stack, command);
            if (fileLock.TakenOverFrom is { } stale)
            {
                tookOver(stale);
            }

            return new FileLockRelease(fileLock);
        }

        return await _database.AcquireLockAsync(Paths.Stack, command, Holder(), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Who holds a lock, as a second run's refusal names them: user@host (pid N).</summary>
    private static string Holder() => $"{Environment.UserName}@{Environment.MachineName} (pid {Environment.ProcessId})";
}
