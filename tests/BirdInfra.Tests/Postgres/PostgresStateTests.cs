using System.Diagnostics;
using System.Text.Json;
using BirdInfra.Tests.Reliability;
using BirdInfra.Tests.Support;
using Xunit.Abstractions;

namespace BirdInfra.Tests.Postgres;

/// <summary>
/// The built-in engine with its state in a real PostgreSQL server: the scenario's lifecycle, two runs at once, runs killed
/// or cut off from the database, and moving state between backends. Nothing is duplicated, nothing secret is stored in
/// plaintext, and the database, not a file, decides who holds a stack.
/// </summary>
[LongPole]
public sealed class PostgresStateTests(PostgresFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private PostgresServer Server => fixture.Server!;

    [SkippableFact]
    public async Task Scenario_UpPreviewOutputDestroy_KeepsEverythingInPostgres_AndNoTableHoldsASecret()
    {
        Skip.If(fixture.Server is null, PostgresServer.Missing);
        await using var ws = await StackWorkspace.CreateAsync();
        var schema = fixture.NewSchema("scenario");
        ws.UsePostgres(Server, schema);

        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
        File.Exists(ws.StateFile).Should().BeFalse("the state is in PostgreSQL, not in .birdinfra/");
        File.Exists(ws.LockFile).Should().BeFalse("the lock is PostgreSQL's");
        await ScenarioChecks.AssertExactlyDeclaredAsync(ws, "after up on PostgreSQL");
        await ws.LearnMintedSecretsAsync();

        await ws.ResetCallLogAsync();
        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode");
        preview.ExitCode.Should().Be(0, "a second preview shows no changes: " + preview.All);
        (await ws.MutatingCallsAsync()).Should().BeEmpty();

        var outputs = await ws.RunAsync("output", "--stack", "e2e", "--json");
        outputs.ExitCode.Should().Be(0, outputs.All);
        JsonDocument.Parse(outputs.Out).RootElement.GetProperty("channelIds").GetProperty("main-number").GetString().Should().NotBeNullOrEmpty();
        var unlock = await ws.RunAsync("unlock", "--stack", "e2e", "--yes");
        unlock.Out.Should().Contain("is not locked (PostgreSQL releases the lock of a run whose process died)");

        var dump = await Server.DumpAsync(schema);
        var destroy = await ws.RunAsync("destroy", "--stack", "e2e", "--yes");
        destroy.ExitCode.Should().Be(0, destroy.All);
        (await BirdInventory.ReadAsync(ws)).Should().BeEmpty("destroy deleted everything the stack owned");
        var history = await ws.RunAsync("history", "--stack", "e2e", "--json");
        history.ExitCode.Should().Be(0, history.All);
        JsonDocument.Parse(history.Out).RootElement.EnumerateArray().Select(r => r.GetProperty("command").GetString()).Should().Equal("destroy", "up");
        File.Exists(Path.Combine(ws.Root, ".birdinfra", "e2e", "history.jsonl")).Should().BeFalse("the history is in PostgreSQL too");

        dump.Should().Contain("-- state").And.Contain("-- journal").And.Contain("-- locks").And.Contain("e2e");
        var texts = new[] { ("tables", dump + await Server.DumpAsync(schema)), ("up", up.All), ("preview", preview.All), ("output", outputs.All), ("destroy", destroy.All) };
        var hits = texts.SelectMany(t => ws.KnownSecrets.Where(s => t.Item2.Contains(s, StringComparison.Ordinal)).Select(s => $"{s[..4]}… in {t.Item1}")).ToList();
        output.WriteLine($"searched {texts.Sum(t => t.Item2.Length)} characters (every row of every table, twice, and every command's output) for {ws.KnownSecrets.Count} secrets: {hits.Count} hits");
        hits.Should().BeEmpty("no table and no output holds a plaintext secret (the access key's token, signing keys, Meta token, passphrase, the database password)");
    }

    [SkippableFact]
    public async Task RefreshSavedPlansGuardsAndImport_WorkOnPostgres_AsOnLocalState()
    {
        Skip.If(fixture.Server is null, PostgresServer.Missing);
        await using var ws = await StackWorkspace.CreateAsync();
        ws.UsePostgres(Server, fixture.NewSchema("commands"));
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        (await ws.RunAsync("refresh", "--stack", "e2e")).ExitCode.Should().Be(0);

        // A saved plan made and applied on PostgreSQL state, then refused once that state moved on.
        ws.EditStack("https://contact-center.example.com/bird/channels", "https://contact-center.example.com/bird/channels-v2");
        var plan = Path.Combine(ws.Root, "plan.json");
        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--out", plan);
        preview.ExitCode.Should().Be(0, preview.All);
        await ws.ResetCallLogAsync();
        var applied = await ws.RunAsync("up", "--stack", "e2e", "--plan", plan, "--yes");
        applied.ExitCode.Should().Be(0, applied.All);
        (await ws.MutatingCallsAsync()).Should().ContainSingle().Which.Method.Should().Be("PATCH");
        var stale = await ws.RunAsync("up", "--stack", "e2e", "--plan", plan, "--yes");
        stale.ExitCode.Should().Be(1, "the state in PostgreSQL changed after the plan was made: " + stale.All);
        stale.Error.Should().Contain("the state changed");

        // Guards stop a replacement of a protected connector before anything is sent.
        File.AppendAllText(ws.StackFile, "\nguards:\n  protect: [connectors]\n");
        ws.EditStack("phoneNumber: \"+31612345678\"", "phoneNumber: \"+31612345679\"");
        await ws.ResetCallLogAsync();
        var guarded = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        guarded.ExitCode.Should().Be(1, guarded.All);
        (await ws.MutatingCallsAsync()).Should().BeEmpty("guards stop the run before Bird is touched");

        // Import on PostgreSQL: Bird holds a hand-made setup, state in a new schema holds nothing yet.
        await using var adopt = await StackWorkspace.CreateAsync(HandBuiltSetup.StackTargetOnly, configure: o => o with { ChannelDelay = TimeSpan.Zero });
        var hand = await HandBuiltSetup.CreateAsync(adopt);
        adopt.WriteStack((await adopt.RunAsync("export", "--stack", "e2e")).Out);
        adopt.UsePostgres(Server, fixture.NewSchema("imported"));
        await adopt.ResetCallLogAsync();
        var import = await adopt.RunAsync("import", "--stack", "e2e", "--yes");
        import.ExitCode.Should().Be(0, import.All);
        (await adopt.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        (await adopt.MutatingCallsAsync()).Should().BeEmpty("import and the up after it change nothing in Bird");
        (await adopt.OpenStateAsync()).Resources.Select(r => r.Id).Should().BeEquivalentTo(hand.IdsByKind.Values.SelectMany(v => v));
    }

    [SkippableFact]
    public async Task TwoUpsAtOnce_FromTwoProcesses_TheSecondIsRefusedAtOnce_WithoutOneMutatingCall()
    {
        Skip.If(fixture.Server is null, PostgresServer.Missing);
        await using var ws = await StackWorkspace.CreateAsync();
        ws.UsePostgres(Server, fixture.NewSchema("concurrent"));
        using var holding = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var first = ws.RunAsync(
            _ =>
            {
                holding.Release();
                release.Wait(RunTimeout);
                return false;
            },
            "up",
            "--stack",
            "e2e");
        (await holding.WaitAsync(RunTimeout)).Should().BeTrue("the first run reaches its confirmation holding the lock");
        await ws.ResetCallLogAsync();

        using var second = BirdInfraProcess.Start(ws, "up", "--stack", "e2e", "--yes");
        var refused = await second.WaitAsync(RunTimeout);
        var mutating = await ws.MutatingCallsAsync();
        release.Release();
        var firstRun = await first;

        refused.ExitCode.Should().Be(1, refused.All);
        refused.Error.Should().MatchRegex(@"error: Stack e2e is locked in PostgreSQL \(schema concurrent_\d+\) by \S+@\S+ \(pid \d+\) running `up` since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC");
        refused.All.Should().NotContain("   at ");
        mutating.Should().BeEmpty("the refused run sent nothing to Bird");
        firstRun.ExitCode.Should().Be(1, "the first run was declined at its confirmation");
        var next = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        next.ExitCode.Should().Be(0, "the lock was released with the first run: " + next.All);
    }

    [SkippableFact]
    [Trait("Category", "Slow")]
    public async Task Up_KilledTenTimes_TheDatabaseFreesTheLock_AndTheNextUpConvergesWithoutDuplicates()
    {
        Skip.If(fixture.Server is null, PostgresServer.Missing);
        var watch = Stopwatch.StartNew();
        var killedInside = 0;
        for (var trial = 1; trial <= 10; trial++)
        {
            await using var ws = await StackWorkspace.CreateAsync();
            ws.UsePostgres(Server, fixture.NewSchema("killed"));
            using var killed = BirdInfraProcess.Start(ws, "up", "--stack", "e2e", "--yes");
            var k = ((trial - 1) % 8) + 1;
            await CallLog.WaitForAnsweredMutatingCallsAsync(ws, killed, k, RunTimeout);

            if (!killed.HasExited)
            {
                killed.Kill();
                killedInside++;
            }

            await killed.WaitAsync(RunTimeout);
            // The next `up` runs in this process, against what the killed process left in the database and in Bird.
            var recovered = await ws.RunAsync("up", "--stack", "e2e", "--yes");
            recovered.ExitCode.Should().Be(0, $"trial {trial} (killed after {k} creates): the next up is not locked out and converges:\n{recovered.All}");
            await ScenarioChecks.AssertExactlyDeclaredAsync(ws, $"trial {trial}, killed after {k} creates");
        }

        output.WriteLine($"POSTGRES-KILL trials=10 killedInsideRun={killedInside} duplicates=0 lockedOut=0 seconds={watch.Elapsed.TotalSeconds:0.0}");
        killedInside.Should().BeGreaterThanOrEqualTo(5, "most kills land inside the run");
    }

    [SkippableFact]
    [Trait("Category", "Slow")]
    public async Task DatabaseRestartedMidRun_TheRunStopsWithAClearError_NothingIsLost_AndTheNextRunConverges()
    {
        Skip.If(fixture.Server is null, PostgresServer.Missing);
        await using var ws = await StackWorkspace.CreateAsync();
        ws.UsePostgres(Server, fixture.NewSchema("restart"));
        using var run = BirdInfraProcess.Start(ws, "up", "--stack", "e2e", "--yes");
        await CallLog.WaitForAnsweredMutatingCallsAsync(ws, run, 2, RunTimeout);

        await Server.StopAsync();
        CliRun stopped;
        try
        {
            stopped = await run.WaitAsync(RunTimeout);
        }
        finally
        {
            await Server.StartServerAsync();
        }

        output.WriteLine(stopped.All);
        stopped.ExitCode.Should().Be(1, stopped.All);
        stopped.Error.Should().Contain("PostgreSQL");
        stopped.All.Should().NotContain("   at ", "no stack trace reaches the user");

        var next = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        next.ExitCode.Should().Be(0, "the next run converges once the database is back: " + next.All);
        await ScenarioChecks.AssertExactlyDeclaredAsync(ws, "after the database restart");
    }

    [SkippableFact]
    public async Task StateMigrate_LocalToPostgresAndBack_KeepsIdenticalOutputs_AndLeavesTheSourceIntact()
    {
        Skip.If(fixture.Server is null, PostgresServer.Missing);
        await using var ws = await StackWorkspace.CreateAsync();
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        var localOutputs = (await ws.RunAsync("output", "--stack", "e2e", "--json", "--show-secrets")).Out;
        var schema = StateBackendSchema;
        ws.Environment["BIRDINFRA_STATE_DB"] = Server.ConnectionString;
        ws.KnownSecrets.Add(PostgresServer.Password);

        var refused = await ws.RunAsync("state", "migrate", "--stack", "e2e", "--to", "postgres");
        refused.ExitCode.Should().Be(1, "migrating asks first, and tests are not interactive");
        var toPostgres = await ws.RunAsync("state", "migrate", "--stack", "e2e", "--to", "postgres", "--yes");
        toPostgres.ExitCode.Should().Be(0, toPostgres.All);
        toPostgres.Out.Should().Contain("state: { backend: postgres, connection: { env: BIRDINFRA_STATE_DB } }");
        File.Exists(ws.StateFile).Should().BeTrue("the source is left intact");
        var again = await ws.RunAsync("state", "migrate", "--stack", "e2e", "--to", "postgres", "--yes");
        again.ExitCode.Should().Be(1);
        again.Error.Should().Contain("The target already holds the state of stack e2e in PostgreSQL (schema birdinfra), the history of stack e2e in PostgreSQL (schema birdinfra); migrate only into an empty backend");

        // The operator removes the local state once the stack runs from PostgreSQL (migrate leaves it intact).
        var localHistory = (await ws.RunAsync("history", "--stack", "e2e", "--json")).Out;
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(ws.StateFile)!).Where(f => Path.GetFileName(f) is "state.json" or "state.json.bak" or "history.jsonl"))
        {
            File.Move(file, file + ".moved-away");
        }

        File.AppendAllText(ws.StackFile, $"\nstate: {{ backend: postgres, connection: {{ env: BIRDINFRA_STATE_DB }}, schema: {schema} }}\n");
        (await ws.RunAsync("output", "--stack", "e2e", "--json", "--show-secrets")).Out.Should().Be(localOutputs, "PostgreSQL holds the same state");
        (await ws.RunAsync("history", "--stack", "e2e", "--json")).Out.Should().Be(localHistory, "and the same history");
        await ws.ResetCallLogAsync();
        (await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0);

        var toLocal = await ws.RunAsync("state", "migrate", "--stack", "e2e", "--to", "local", "--yes");
        toLocal.ExitCode.Should().Be(0, toLocal.All);
        ws.EditStack($"\nstate: {{ backend: postgres, connection: {{ env: BIRDINFRA_STATE_DB }}, schema: {schema} }}\n", "\n");
        (await ws.RunAsync("output", "--stack", "e2e", "--json", "--show-secrets")).Out.Should().Be(localOutputs, "back on local state, the same outputs");
        (await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0);
        (await ws.MutatingCallsAsync()).Should().BeEmpty();
        foreach (var run in new[] { refused, toPostgres, again, toLocal })
        {
            ws.KnownSecrets.Where(run.All.Contains).Should().BeEmpty();
        }
    }

    /// <summary>`state migrate --to postgres` uses the default schema; this class's other tests use schemas of their own.</summary>
    private const string StateBackendSchema = "birdinfra";
}
