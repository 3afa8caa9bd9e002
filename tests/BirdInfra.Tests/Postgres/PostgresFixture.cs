using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Postgres;

/// <summary>One throwaway PostgreSQL server for a test class (each test uses a schema of its own); null without PostgreSQL binaries.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private int _schemas;

    public PostgresServer? Server { get; private set; }

    /// <summary>A schema name no other test of the class uses.</summary>
    public string NewSchema(string prefix) => $"{prefix}_{Interlocked.Increment(ref _schemas)}";

    public async Task InitializeAsync()
    {
        if (PostgresServer.FindBinaries() is not null)
        {
            Server = await PostgresServer.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
