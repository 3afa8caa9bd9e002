using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BirdInfra.Tests.Support;
using Xunit.Abstractions;

namespace BirdInfra.Tests.Reliability;

/// <summary>Point 3 through the CLI: a second run on a locked stack is refused at once; a lock left by a killed run is cleared by `unlock` after a confirmation.</summary>
public sealed class ConcurrentRunTests(ITestOutputHelper output) : IAsyncLifetime
{
    private StackWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await StackWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task ASecondUp_WhileTheFirstHoldsTheLock_IsRefusedAtOnce_WithWhoAndSince_AndSendsNothing()
    {
        // The first `up` is held at its confirmation prompt: planned, lock taken, nothing applied yet.
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var startedBefore = DateTimeOffset.UtcNow;
        using var release = new ManualResetEventSlim();
        var first = Task.Run(() => _ws.RunAsync(
            _ =>
            {
                waiting.SetResult();
                return release.Wait(TimeSpan.FromMinutes(2));
            },
            "up", "--stack", "e2e"));
        await waiting.Task.WaitAsync(TimeSpan.FromMinutes(2));
        File.Exists(_ws.LockFile).Should().BeTrue("the first run holds the lock while it waits");
        await _ws.ResetCallLogAsync();

        var watch = Stopwatch.StartNew();
        var second = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        watch.Stop();
        var refusedAfter = DateTimeOffset.UtcNow;
        var callsOfTheSecondRun = await _ws.CallsAsync();
        var lockHeldAfterTheSecondRun = File.Exists(_ws.LockFile);
        release.Set();
        var firstRun = await first;

        second.ExitCode.Should().Be(1, second.All);
        second.Error.Should().Contain($"error: Stack 'e2e' is locked: held by `birdinfra up` (pid {Environment.ProcessId}, {Environment.UserName}@{Environment.MachineName}) since ")
            .And.Contain("If that run is gone, clear the lock with `birdinfra unlock --stack e2e`.");
        var since = DateTimeOffset.Parse(Regex.Match(second.Error, @"since (\S+?)\. ").Groups[1].Value, CultureInfo.InvariantCulture);
        since.Should().BeOnOrAfter(startedBefore.AddSeconds(-1), "the lock names when the first run took it (whole seconds)")
            .And.BeOnOrBefore(refusedAfter.AddSeconds(1));
        // Refused at once, not waited for: the first run holds the lock until this test releases it, after the second returned.
        lockHeldAfterTheSecondRun.Should().BeTrue("the second run returned while the first still held the lock");
        callsOfTheSecondRun.Should().BeEmpty("the refused run reads and sends nothing");
        output.WriteLine($"second up refused in {watch.Elapsed.TotalMilliseconds:F0} ms");

        firstRun.ExitCode.Should().Be(0, firstRun.All);
        File.Exists(_ws.LockFile).Should().BeFalse("the first run releases the lock when it ends");
        (await _ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task ALockLeftByARunElsewhere_IsReported_AndClearedByUnlock_OnlyAfterConfirmationOrYes()
    {
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        // A run killed on another machine (a CI runner): nothing here can tell whether it still runs.
        WriteLock(4242, "ci-runner-7");
        var lockBytes = File.ReadAllBytes(_ws.LockFile);

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        var refused = await _ws.RunAsync("unlock", "--stack", "e2e");

        up.ExitCode.Should().Be(1, up.All);
        up.Error.Should().Contain("held by `birdinfra up` (pid 4242, ops@ci-runner-7) since 2025-01-02T03:04:05.0000000+00:00")
            .And.Contain("birdinfra unlock --stack e2e");
        refused.ExitCode.Should().Be(1, "without a terminal, unlock needs --yes");
        refused.Error.Should().Contain("The lock was kept.");
        File.ReadAllBytes(_ws.LockFile).Should().Equal(lockBytes);

        string? question = null;
        var confirmed = await _ws.RunAsync(q => { question = q; return true; }, "unlock", "--stack", "e2e");
        confirmed.ExitCode.Should().Be(0, confirmed.All);
        question.Should().Contain("pid 4242").And.Contain("Only do this if that run is no longer running.");
        File.Exists(_ws.LockFile).Should().BeFalse();

        WriteLock(4242, "ci-runner-7");
        var yes = await _ws.RunAsync("unlock", "--stack", "e2e", "--yes");
        yes.ExitCode.Should().Be(0, yes.All);
        yes.Out.Should().Contain("Cleared the lock of stack e2e");
        File.Exists(_ws.LockFile).Should().BeFalse();
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task ALockLeftByAKilledRunOnThisHost_IsTakenOver_AndSaysSo()
    {
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        var deadPid = DeadProcessId();
        WriteLock(deadPid, Environment.MachineName);

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");

        up.ExitCode.Should().Be(0, up.All);
        up.Error.Should().Contain($"Took over the lock of stack e2e: it was held by `birdinfra up` (pid {deadPid}, ops@{Environment.MachineName})")
            .And.Contain("no longer running");
        File.Exists(_ws.LockFile).Should().BeFalse("the run released the lock it took over");
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("sh", "-c true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    private void WriteLock(int pid, string host) => File.WriteAllText(_ws.LockFile, new JsonObject
    {
        ["pid"] = pid,
        ["host"] = host,
        ["user"] = "ops",
        ["command"] = "up",
        ["since"] = "2025-01-02T03:04:05.0000000+00:00",
    }.ToJsonString());
}
