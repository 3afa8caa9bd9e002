using BirdInfra.State;
using BirdInfra.State.Postgres;
using BirdInfra.Tests.Support;
using Npgsql;

namespace BirdInfra.Tests.Postgres;

/// <summary>The PostgreSQL state tables against a real server: migration, the optimistic serial check, the run lock.</summary>
public sealed class PostgresStateDatabaseTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private PostgresServer Server => fixture.Server!;

    [SkippableFact]
    public async Task TwoWritersOfTheSameSerial_OnlyOneWins()
    {
        Skip.If(fixture.Server is null, PostgresServer.Missing);
        await using var a = await PostgresStateDatabase.OpenAsync(Server.ConnectionString, "serials", CancellationToken.None);
        await using var b = await PostgresStateDatabase.OpenAsync(Server.ConnectionString, "serials", CancellationToken.None);
        await a.WriteSnapshotAsync("prod", null, 1, "{\"serial\":1}", CancellationToken.None);

        var first = a.WriteSnapshotAsync("prod", 1, 2, "{\"serial\":2,\"by\":\"a\"}", CancellationToken.None);
        var second = b.WriteSnapshotAsync("prod", 1, 2, "{\"serial\":2,\"by\":\"b\"}", CancellationToken.None);
        var results = await Task.WhenAll(Outcome(first), Outcome(second));

        results.Count(r => r is null).Should().Be(1, "exactly one writer of serial 1 wins");
        results.Single(r => r is not null)!.Message.Should().Contain("was changed by another writer since this run read it (expected serial 1)");
        (await a.ReadSnapshotAsync("prod", CancellationToken.None))!.Serial.Should().Be(2);
        await FluentActions.Awaiting(() => b.WriteSnapshotAsync("prod", null, 1, "{}", CancellationToken.None))
            .Should().ThrowAsync<StateException>("a first write never overwrites an existing snapshot");
    }

    [SkippableFact]
    public async Task RunLock_SecondRunIsRefusedNamingTheHolder_AndADeadSessionReleasesIt()
    {
        Skip.If(fixture.Server is null, PostgresServer.Missing);
        await using var database = await PostgresStateDatabase.OpenAsync(Server.ConnectionString, "locks", CancellationToken.None);
        var held = await database.AcquireLockAsync("prod", "up", "ops@laptop (pid 4242)", CancellationToken.None);

        var refused = await FluentActions.Awaiting(() => database.AcquireLockAsync("prod", "up", "ci@runner (pid 7)", CancellationToken.None)).Should().ThrowAsync<StateException>();
        refused.Which.Message.Should().MatchRegex(@"Stack prod is locked in PostgreSQL \(schema locks\) by ops@laptop \(pid 4242\) running `up` since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC");
        await using (var other = await database.AcquireLockAsync("staging", "up", "ci@runner (pid 7)", CancellationToken.None))
        {
            // Another stack's lock is independent.
        }

        // The holder's process dies: its session ends (here terminated by the server, as when the client's socket closes;
        // the timeout makes the call wait until that backend has exited and released its locks).
        await using (var admin = new NpgsqlConnection(Server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid, 30000) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()", admin);
            await kill.ExecuteNonQueryAsync();
        }

        await using var next = await database.AcquireLockAsync("prod", "up", "ci@runner (pid 7)", CancellationToken.None);
        await held.DisposeAsync();
    }

    [SkippableFact]
    public async Task Tables_AreCreatedOnce_AndANewerSchemaVersionIsRefused()
    {
        Skip.If(fixture.Server is null, PostgresServer.Missing);
        await using (var first = await PostgresStateDatabase.OpenAsync(Server.ConnectionString, "versions", CancellationToken.None))
        {
            await first.AppendHistoryAsync("prod", "one", CancellationToken.None);
        }

        await using (var again = await PostgresStateDatabase.OpenAsync(Server.ConnectionString, "versions", CancellationToken.None))
        {
            (await again.ReadHistoryAsync("prod", null, CancellationToken.None)).Should().Equal("one");
        }

        await using (var admin = new NpgsqlConnection(Server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var bump = new NpgsqlCommand("INSERT INTO versions.schema_version (version) VALUES (99)", admin);
            await bump.ExecuteNonQueryAsync();
        }

        var refused = await FluentActions.Awaiting(() => PostgresStateDatabase.OpenAsync(Server.ConnectionString, "versions", CancellationToken.None)).Should().ThrowAsync<StateException>();
        refused.Which.Message.Should().Contain("created by a newer BirdInfra (schema version 99; this one knows up to 1)");
    }

    [SkippableFact]
    public async Task JournalAndHistory_KeepTheirOrder_PerStack()
    {
        Skip.If(fixture.Server is null, PostgresServer.Missing);
        await using var database = await PostgresStateDatabase.OpenAsync(Server.ConnectionString, "journals", CancellationToken.None);
        foreach (var entry in new[] { "a", "b", "c" })
        {
            await database.AppendJournalAsync("prod", [entry], CancellationToken.None);
            await database.AppendHistoryAsync("prod", entry, CancellationToken.None);
        }

        await database.AppendJournalAsync("dev", ["x"], CancellationToken.None);

        (await database.ReadJournalAsync("prod", CancellationToken.None)).Should().Equal("a", "b", "c");
        (await database.ReadHistoryAsync("prod", 2, CancellationToken.None)).Should().Equal("c", "b");
        await database.ClearJournalAsync("prod", CancellationToken.None);
        (await database.ReadJournalAsync("prod", CancellationToken.None)).Should().BeEmpty();
        (await database.ReadJournalAsync("dev", CancellationToken.None)).Should().Equal("x");
        (await database.IsEmptyAsync("prod", CancellationToken.None)).Should().BeFalse("history stays");
        (await database.IsEmptyAsync("test", CancellationToken.None)).Should().BeTrue();
    }

    [SkippableFact]
    public async Task AServerThatIsDown_IsAClearStateError()
    {
        Skip.If(fixture.Server is null, PostgresServer.Missing);
        await using var database = await PostgresStateDatabase.OpenAsync(Server.ConnectionString, "down", CancellationToken.None);
        await Server.StopAsync();
        try
        {
            var failed = await FluentActions.Awaiting(() => database.ReadSnapshotAsync("prod", CancellationToken.None)).Should().ThrowAsync<StateException>();
            failed.Which.Message.Should().StartWith("Could not read the state in PostgreSQL: ").And.NotContain(PostgresServer.Password);
        }
        finally
        {
            await Server.StartServerAsync();
        }

        (await database.ReadSnapshotAsync("prod", CancellationToken.None)).Should().BeNull("the next run continues once the server is back");
    }

    private static async Task<StateException?> Outcome(Task write)
    {
        try
        {
            await write;
            return null;
        }
        catch (StateException e)
        {
            return e;
        }
    }
}
