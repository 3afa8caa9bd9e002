using System.Collections.Concurrent;
using System.Diagnostics;
using BirdInfra.Tests.Support;
using Xunit.Abstractions;

namespace BirdInfra.Tests.Reliability;

/// <summary>
/// Issue 6, point 2, built-in engine: the real `birdinfra up` is SIGKILLed at kill points spread over the whole run (right
/// after each mutating call Bird answered, with and without a random extra delay, and at times spread evenly over a
/// measured run), then `up` runs again to completion. Every trial ends with exactly the declared objects, none twice,
/// nothing orphaned, the one live access key in state with its token; at the kill, state already journaled every object
/// Bird held that it did not own yet. BIRDINFRA_SOAK=1 runs 200 trials instead of 30.
/// </summary>
[Trait("Category", "Slow")]
[LongPole]
public sealed class CrashMatrixTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Up_KilledAnywhere_TheNextUpConvergesToExactlyTheDeclaredObjects()
    {
        var soak = Environment.GetEnvironmentVariable("BIRDINFRA_SOAK") == "1";
        var trials = soak ? 200 : 30;
        var watch = Stopwatch.StartNew();
        var (baseline, mutatingCalls) = await MeasureBaselineAsync();
        var points = KillPoints(trials, baseline, mutatingCalls, seed: 6);

        var results = new ConcurrentBag<CrashTrialResult>();
        await Parallel.ForEachAsync(points, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (point, _) =>
        {
            try
            {
                results.Add(await RunTrialAsync(point));
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"trial killed {point} failed: {e.Message}");
            }
        });

        var histogram = results.Where(r => r.KilledBeforeEnd).GroupBy(r => r.MutatingCallsBeforeKill).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}");
        output.WriteLine(
            $"CRASH trials={trials} baselineSeconds={baseline.TotalSeconds:0.00} mutatingCallsPerRun={mutatingCalls} killedInsideRun={results.Count(r => r.KilledBeforeEnd)} "
            + $"finishedBeforeKill={results.Count(r => !r.KilledBeforeEnd)} killPoints(mutating calls answered before the kill → trials)=[{string.Join(" ", histogram)}] "
            + $"pendingAtKill={results.Count(r => r.PendingAtKill > 0)} objectsOnlyJournaledAtKill={results.Sum(r => r.UnownedObjectsAtKill)} locksTakenOver={results.Count(r => r.LockTakenOver)} "
            + $"duplicates=0 orphans=0 leaks=0 seconds={watch.Elapsed.TotalSeconds:0.0}");

        results.Should().HaveCount(trials);
        // Kill points right after the last creates (plus up to 150 ms) race the end of the run: how many land inside depends
        // on the machine's load (18 to 29 of 30 seen on 2 cores), so only "at least half" is asserted.
        results.Count(r => r.KilledBeforeEnd).Should().BeGreaterThanOrEqualTo(trials / 2, "most kill points land inside the run");
        results.Where(r => r.KilledBeforeEnd).Select(r => r.MutatingCallsBeforeKill).Distinct().Count()
            .Should().BeGreaterThanOrEqualTo((mutatingCalls + 1) / 2, "kill points are spread over the run's creates (parallel creates may finish together)");
        results.Should().Contain(r => r.KilledBeforeEnd && r.MutatingCallsBeforeKill == 0, "some kills land before the first create");
    }

    private static async Task<(TimeSpan Duration, int MutatingCalls)> MeasureBaselineAsync()
    {
        await using var ws = await StackWorkspace.CreateAsync();
        using var child = BirdInfraProcess.Start(ws, "up", "--stack", "e2e", "--yes");
        var run = await child.WaitAsync(RunTimeout);
        run.ExitCode.Should().Be(0, run.All);
        var elapsed = child.Started.Elapsed;
        var mutating = (await CallLog.ReadAsync(ws)).Count(CallLog.IsMutating);
        return (elapsed, mutating);
    }

    /// <summary>Right after each mutating call but the last (repeatedly: at once and after a random 0–150 ms), the rest evenly over the measured run.</summary>
    private static List<KillPoint> KillPoints(int trials, TimeSpan baseline, int mutatingCalls, int seed)
    {
        var random = new Random(seed);
        var points = new List<KillPoint>();
        while (points.Count < trials / 2)
        {
            var k = (points.Count % Math.Max(1, mutatingCalls - 1)) + 1;
            var delay = points.Count < mutatingCalls ? TimeSpan.Zero : TimeSpan.FromMilliseconds(random.Next(0, 150));
            points.Add(new KillPoint(k, delay));
        }

        var timed = trials - points.Count;
        for (var i = 0; i < timed; i++)
        {
            points.Add(new KillPoint(null, baseline * ((i + 0.5) / timed)));
        }

        return points;
    }

    private static async Task<CrashTrialResult> RunTrialAsync(KillPoint point)
    {
        var watch = Stopwatch.StartNew();
        await using var ws = await StackWorkspace.CreateAsync();
        using var killed = BirdInfraProcess.Start(ws, "up", "--stack", "e2e", "--yes");
        await WaitForKillPointAsync(ws, killed, point);
        var killedBeforeEnd = !killed.HasExited;
        if (killedBeforeEnd)
        {
            killed.Kill();
        }

        var killedRun = await killed.WaitAsync(RunTimeout);
        var calls = await CallLog.ReadAsync(ws);
        var mutatingBeforeKill = calls.Count(c => CallLog.IsMutating(c) && c.Status is >= 200 and < 300);
        var (pending, unowned) = await AssertJournalCoversBirdAsync(ws);

        // The next `up` runs in this process: it meets only what the killed process left on disk and in Bird, and costs
        // no process start (the kill itself must hit a real process).
        var recovered = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        recovered.ExitCode.Should().Be(0, $"the next `up` after the kill converges:\n{recovered.All}");
        recovered.All.Should().NotContain("   at ", "no stack trace reaches the user");

        await ScenarioChecks.AssertExactlyDeclaredAsync(ws, $"killed {point}");
        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode");
        preview.ExitCode.Should().Be(0, "a second preview shows no changes:\n" + preview.All);

        var secrets = await ScenarioChecks.AllSecretsAsync(ws);
        ScenarioChecks.Leaks(ws, secrets, [("killed run", killedRun.All), ("recovery run", recovered.All), ("preview", preview.All)]).Should().BeEmpty();
        return new CrashTrialResult(point, killedBeforeEnd, mutatingBeforeKill, pending, unowned, recovered.Error.Contains("Took over the lock", StringComparison.Ordinal), watch.Elapsed.TotalSeconds);
    }

    private static async Task WaitForKillPointAsync(StackWorkspace ws, BirdInfraProcess child, KillPoint point)
    {
        if (point.AfterMutatingCall is { } k)
        {
            await CallLog.WaitForAnsweredMutatingCallsAsync(ws, child, k, RunTimeout);
        }

        // The trial's assertions hold wherever the kill lands.
        // wall-clock-ok: not a wait for anything, only a move of the kill to an arbitrary moment after the event above.
        await Task.Delay(point.Delay);
    }

    /// <summary>
    /// At the kill, every object Bird holds is owned by state or covered by a pending create journaled before its call.
    /// Returns (pending creates, objects only journaled).
    /// </summary>
    private static async Task<(int Pending, int Unowned)> AssertJournalCoversBirdAsync(StackWorkspace ws)
    {
        var live = await BirdInventory.ReadAsync(ws);
        if (!File.Exists(ws.StateFile))
        {
            live.Should().BeEmpty("without a state file nothing may have been created");
            return (0, 0);
        }

        var state = await StateView.OpenAsync(ws);
        var owned = state.Owned.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var unowned = live.Where(o => !owned.Contains(o.Id)).ToList();
        foreach (var group in unowned.GroupBy(o => o.Kind))
        {
            state.State.Pending.Count(p => p.Address.Kind == group.Key).Should().BeGreaterThanOrEqualTo(group.Count(), $"each {group.Key} Bird holds but state does not own was journaled as pending before its create");
        }

        return (state.State.Pending.Length, unowned.Count);
    }
}
