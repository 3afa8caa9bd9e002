
namespace BirdInfra.Stacks.Model;

/// <summary>
/// Where the built-in engine keeps the stack's state, lock and history: <c>local</c> (<c>.birdinfra/&lt;stack&gt;/</c>, the
/// default) or <c>postgres</c> (tables in <see cref="Schema"/> of the database <see cref="Connection"/> names).
/// </summary>
/// <param name="Connection">The PostgreSQL connection string, a secret read from the environment; null for local.</param>
public sealed record StateBackendDefinition(string Backend, SecretSource? Connection, string Schema)
{
    public const string LocalBackend = "local";
    public const string PostgresBackend = "postgres";
    public const string DefaultSchema = "birdinfra";

    /// <summary>The variable the connection string is read from by convention.</summary>
    public const string ConnectionVariable = "BIRDINFRA_STATE_DB";

    public static StateBackendDefinition Local { get; } = new(LocalBackend, null, DefaultSchema);

    public bool IsPostgres => Backend == PostgresBackend;
}
