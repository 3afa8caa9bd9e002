using System.Collections.Immutable;
using BirdInfra.Graph;
using BirdInfra.Providers.Expressions;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.StackFiles;
using BirdInfra.State;
using BirdInfra.Tests.Reliability;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.State;

public sealed class StateStoreTests : IDisposable
{
    private const string Token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    private readonly string _dir = Directory.CreateTempSubdirectory("birdinfra-state-").FullName;

    private string StatePath => Path.Combine(_dir, "state.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SaveThenOpen_RoundTripsResources_WithSecretsEncryptedAtRest()
    {
        var (store, empty) = await StateStore.OpenAsync(StatePath, "dev", "pass-1", CancellationToken.None);
        var state = empty.WithResource(Key());
        await store.SaveAsync(state, CancellationToken.None);

        File.ReadAllText(StatePath).Should().NotContain(Token).And.Contain("$secret");
        var (_, loaded) = await StateStore.OpenAsync(StatePath, "dev", "pass-1", CancellationToken.None);
        loaded.Resources.Should().ContainSingle();
        var resource = loaded.Resources[0];
        resource.Outputs["token"]!.IsSecret.Should().BeTrue();
        resource.Outputs["token"]!.RevealString().Should().Be(Token);
        resource.Inputs.Equals(Key().Inputs).Should().BeTrue();
        loaded.Serial.Should().Be(state.Serial);
        loaded.Lineage.Should().Be(state.Lineage);
    }

    [Fact]
    public async Task Open_WithTheWrongPassphrase_FailsClearly()
    {
        await SaveOneAsync();
        var act = () => StateStore.OpenAsync(StatePath, "dev", "wrong", CancellationToken.None);
        (await act.Should().ThrowAsync<StateException>()).WithMessage("*passphrase*BIRDINFRA_PASSPHRASE*");
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("edited")]
    public async Task Open_ADamagedFile_IsRefused_NeverReadAsEmpty(string damage)
    {
        await SaveOneAsync();
        var text = File.ReadAllText(StatePath);
        File.WriteAllText(StatePath, damage == "truncated" ? text[..(text.Length / 2)] : text.Replace("\"serial\": 1", "\"serial\": 7", StringComparison.Ordinal));

        var act = () => StateStore.OpenAsync(StatePath, "dev", "pass-1", CancellationToken.None);
        (await act.Should().ThrowAsync<StateException>()).WithMessage("*not treated as empty*");
    }

    [Fact]
    public async Task Open_AFileFromANewerVersion_IsRefused()
    {
        await SaveOneAsync();
        File.WriteAllText(StatePath, File.ReadAllText(StatePath).Replace($"\"version\": {StackState.CurrentVersion}", "\"version\": 99", StringComparison.Ordinal));
        var act = () => StateStore.OpenAsync(StatePath, "dev", "pass-1", CancellationToken.None);
        (await act.Should().ThrowAsync<StateException>()).WithMessage("*newer BirdInfra*");
    }

    [Fact]
    public async Task Save_KeepsThePreviousFileAsABackup()
    {
        var (store, empty) = await StateStore.OpenAsync(StatePath, "dev", "pass-1", CancellationToken.None);
        var first = empty.WithResource(Key());
        await store.SaveAsync(first, CancellationToken.None);
        await store.SaveAsync(first.WithoutResource(Key().Address, Key().Id), CancellationToken.None);

        var (_, backup) = await StateStore.OpenAsync(store.BackupPath, "dev", "pass-1", CancellationToken.None);
        backup.Resources.Should().ContainSingle();
    }

    [Fact]
    public async Task Lock_IsNeverLeftHalfWritten_AndAKilledWriterOnlyLeavesItsOwnScratchFile()
    {
        // A real `birdinfra up` is killed while it writes its lock. Its scratch file (<lock>.<pid>.tmp) is laid out
        // beforehand as a FIFO nobody reads, so the run blocks inside the write, opening it: the kill lands there. The
        // runtime's diagnostics are off in that run, as its debugger transport would wait on FIFOs of its own.
        await using var ws = await StackWorkspace.CreateAsync();
        var folder = Path.GetDirectoryName(ws.LockFile)!;
        Directory.CreateDirectory(folder);
        using var killed = BirdInfraProcess.StartAfter(ws, $"export DOTNET_EnableDiagnostics=0 && mkfifo '{ws.LockFile}'.$$.tmp", "up", "--stack", "e2e", "--yes");
        var scratch = $"{ws.LockFile}.{killed.Id}.tmp";
        await WaitUntilBlockedOpeningAFifoAsync(killed);
        killed.Kill();
        await killed.WaitAsync(TimeSpan.FromSeconds(30));

        File.Exists(ws.LockFile).Should().BeFalse("a writer killed mid-write leaves no lock, least of all an empty one nobody can attribute");
        Directory.GetFileSystemEntries(folder).Should().Equal([scratch], "the killed writer leaves only its own scratch file");
        (await ws.MutatingCallsAsync()).Should().BeEmpty("the run was killed before it changed Bird");

        // The next run is not locked out: its lock is whole and its own, nothing is taken over, and the dead writer's
        // scratch file is left alone (it is never read as a lock).
        using (var next = StateLock.Acquire(ws.LockFile, "e2e", "up"))
        {
            next.TakenOverFrom.Should().BeNull();
            System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(ws.LockFile))!["pid"]!.GetValue<int>().Should().Be(Environment.ProcessId);
            File.Exists($"{ws.LockFile}.{Environment.ProcessId}.tmp").Should().BeFalse("its own scratch file became the lock");
        }

        File.Exists(ws.LockFile).Should().BeFalse();
        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
        up.Error.Should().NotContain("Took over the lock");
        Directory.GetFileSystemEntries(folder).Should().Contain(scratch).And.NotContain(ws.LockFile);
    }

    [Fact]
    public void Lock_HeldByAnotherRun_IsRefusedWithWhoAndSince()
    {
        var path = Path.Combine(_dir, "state.lock");
        using var held = StateLock.Acquire(path, "dev", "up");
        var act = () => StateLock.Acquire(path, "dev", "up");
        act.Should().Throw<StateException>().WithMessage($"*locked*pid {Environment.ProcessId}*since*birdinfra unlock --stack dev*");
    }

    [Fact]
    public async Task Lock_LeftOnThisHostByAProcessThatIsGone_IsTakenOver()
    {
        // A killed `birdinfra up` leaves its lock file; the next run on the same host takes it over and says so.
        var path = Path.Combine(_dir, "state.lock");
        var deadPid = await PidOfAFinishedProcessAsync();
        File.WriteAllText(path, $$"""{"pid":{{deadPid}},"host":"{{Environment.MachineName}}","user":"ci","command":"up","since":"2025-01-01T00:00:00Z"}""");

        using var taken = StateLock.Acquire(path, "dev", "up");

        taken.TakenOverFrom.Should().Contain($"pid {deadPid}");
        var again = () => StateLock.Acquire(path, "dev", "up");
        again.Should().Throw<StateException>().WithMessage($"*pid {Environment.ProcessId}*");
    }

    [Fact]
    public async Task Lock_LeftOnAnotherHost_IsStillRefused()
    {
        var path = Path.Combine(_dir, "state.lock");
        var deadPid = await PidOfAFinishedProcessAsync();
        File.WriteAllText(path, $$"""{"pid":{{deadPid}},"host":"another-{{Environment.MachineName}}","user":"ci","command":"up","since":"2025-01-01T00:00:00Z"}""");

        var act = () => StateLock.Acquire(path, "dev", "up");

        act.Should().Throw<StateException>().WithMessage("*locked*another-*birdinfra unlock*");
    }

    /// <summary>Waits until one of the run's threads is blocked opening a FIFO (the kernel's wait for the other end).</summary>
    private static async Task WaitUntilBlockedOpeningAFifoAsync(BirdInfraProcess run)
    {
        await Poll.UntilAsync(
            async () =>
            {
                if (ThreadStates(run.Id).Contains("wait_for_partner"))
                {
                    return true;
                }

                if (run.HasExited)
                {
                    var ended = await run.WaitAsync(TimeSpan.FromSeconds(5));
                    throw new InvalidOperationException($"`up` exited ({ended.ExitCode}) without ever opening its lock's scratch file:\n{ended.All}");
                }

                return false;
            },
            TimeSpan.FromSeconds(60),
            "`up` to block writing its lock's scratch file");
    }

    /// <summary>What each thread of the process waits on in the kernel (/proc/PID/task/TID/wchan).</summary>
    private static List<string> ThreadStates(int pid)
    {
        var states = new List<string>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    states.Add(File.ReadAllText(Path.Combine(task, "wchan")));
                }
                catch (IOException)
                {
                    // The thread ended meanwhile.
                }
            }
        }
        catch (IOException)
        {
            // The process ended meanwhile.
        }

        return states;
    }

    private static async Task<int> PidOfAFinishedProcessAsync()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    private async Task SaveOneAsync()
    {
        var (store, empty) = await StateStore.OpenAsync(StatePath, "dev", "pass-1", CancellationToken.None);
        await store.SaveAsync(empty.WithResource(Key()), CancellationToken.None);
    }

    private static StateResource Key()
    {
        var inputs = PropertyMap.Empty
            .With("name", PropertyValue.String("cc"))
            .With("roleRefs", PropertyValue.List(PropertyValue.Map(PropertyMap.Empty.With("id", PropertyValue.String("r-1")))));
        return new StateResource(
            new ResourceAddress("AccessKey", "cc"),
            "k-1",
            inputs,
            inputs.With("id", PropertyValue.String("k-1")).With("token", PropertyValue.SecretString(Token)),
            ImmutableArray.Create(new ResourceAddress("AccessRole", "cc")));
    }
}
