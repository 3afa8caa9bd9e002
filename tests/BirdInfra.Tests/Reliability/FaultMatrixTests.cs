using System.Diagnostics;
using System.Text.RegularExpressions;
using BirdInfra.Tests.Support;
using Xunit.Abstractions;

namespace BirdInfra.Tests.Reliability;

/// <summary>
/// Issue 6, point 1, built-in engine: `up` of the scenario stack under each injected fault kind either converges or
/// stops with an error naming the failed operation, and the next run converges; Bird never holds a duplicate, state owns
/// exactly what exists, no request is sent more often than the documented bound, and no secret is printed or stored in plaintext.
/// </summary>
[Trait("Category", "Slow")]
[LongPole]
public sealed partial class FaultMatrixTests(ITestOutputHelper output)
{
    private const int MaxRuns = 4;
    private const int Rounds = 3;

    public static TheoryData<string> Cases => FaultCases.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Up_UnderInjectedFaults_ConvergesWithoutDuplicatesOrLeaks(string caseName)
    {
        var fault = FaultCases.Named(caseName);
        var watch = Stopwatch.StartNew();
        await using var ws = await StackWorkspace.CreateAsync();
        foreach (var (name, value) in fault.Environment)
        {
            ws.Environment[name] = value;
        }

        foreach (var rule in fault.Rules)
        {
            await ws.SendAsync(HttpMethod.Post, "/_emulator/faults", rule);
        }

        await ws.ResetCallLogAsync();
        var runs = new List<CliRun>();
        var runsToConverge = new List<int>();
        for (var round = 1; round <= Rounds; round++)
        {
            // Each round builds the stack from nothing; all but the last tear it down again, so deletes meet the faults too.
            runsToConverge.Add(await RunUntilDoneAsync(ws, runs, "up"));
            if (round < Rounds)
            {
                runsToConverge.Add(await RunUntilDoneAsync(ws, runs, "destroy"));
                // Anything destroy missed would still be in Bird at the end, where only the last round's objects may be.
                (await StateView.OpenAsync(ws)).Owned.Should().BeEmpty("destroy leaves state empty");
            }
        }

        var clientFailures = runs.SelectMany(r => RetryReport.Attempts(r.Error)).ToList();
        var calls = await SettledCallLogAsync(ws, clientFailures.Count);
        await ws.SendAsync(HttpMethod.Delete, "/_emulator/faults");

        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode");
        preview.ExitCode.Should().Be(0, "a final preview shows no changes:\n" + preview.All);
        var duplicates = await ScenarioChecks.AssertExactlyDeclaredAsync(ws, caseName);

        var faults = calls.Where(c => c.Fault is not null).ToList();
        faults.Should().NotBeEmpty("the case injected faults");
        clientFailures.Should().OnlyContain(a => a.Number <= RetryReport.MaxAttemptsPerRequest && a.Max == RetryReport.MaxAttemptsPerRequest, "no request is sent more than the documented number of times");
        clientFailures.Count.Should().Be(calls.Count(c => c.IsRetryableFailure), "every failed call Bird saw was seen (and bounded) by the client: no hidden resends");

        var secrets = await ScenarioChecks.AllSecretsAsync(ws);
        var leaks = ScenarioChecks.Leaks(ws, secrets, runs.Append(preview).SelectMany((r, i) => new[] { ($"stdout of run {i + 1}", r.Out), ($"stderr of run {i + 1}", r.Error) }));
        leaks.Should().BeEmpty();

        foreach (var stopped in runs.Where(r => r.ExitCode != 0))
        {
            output.WriteLine($"  stopped: {string.Join(" | ", stopped.Error.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).Take(2))}");
        }

        output.WriteLine(
            $"FAULTS case={caseName} rounds={Rounds} runs={runs.Count} runsToConverge=[{string.Join(",", runsToConverge)}] calls={calls.Count} faultsInjected={faults.Count} ({string.Join(", ", faults.GroupBy(f => f.Fault).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}"))}) "
            + $"clientRetries={clientFailures.Count(a => a.Number < RetryReport.MaxAttemptsPerRequest)} maxAttempts={(clientFailures.Count == 0 ? 1 : clientFailures.Max(a => a.Number))} bound={RetryReport.MaxAttemptsPerRequest} "
            + $"POSTs={calls.Count(c => c.Method == "POST")} duplicates={duplicates} secretsChecked={secrets.Count} leaks={leaks.Count} seconds={watch.Elapsed.TotalSeconds:0.0}");
    }

    /// <summary>Runs the command until it succeeds (at most <see cref="MaxRuns"/> times); every stopped run must name the failed operation.</summary>
    private static async Task<int> RunUntilDoneAsync(StackWorkspace ws, List<CliRun> runs, string command)
    {
        for (var attempt = 1; attempt <= MaxRuns; attempt++)
        {
            var run = await ws.RunAsync(command, "--stack", "e2e", "--yes");
            runs.Add(run);
            if (run.ExitCode == 0)
            {
                return attempt;
            }

            run.ExitCode.Should().Be(1, run.All);
            run.Error.Should().MatchRegex(FailedOperation(), $"a stopped `{command}` names the operation that failed:\n" + run.All);
            run.All.Should().NotContain("   at ", "no stack trace reaches the user");
        }

        throw new Xunit.Sdk.XunitException($"`{command}` did not converge within {MaxRuns} runs; last run:\n{runs[^1].All}");
    }

    /// <summary>The call log once every failure the client reported is in it (an aborted call is logged when the server notices).</summary>
    private static Task<List<CallLogEntry>> SettledCallLogAsync(StackWorkspace ws, int clientFailures) =>
        Poll.UntilAsync(
            async () => await CallLog.ReadAsync(ws) is var calls && calls.Count(c => c.IsRetryableFailure) >= clientFailures ? calls : null,
            TimeSpan.FromSeconds(60),
            $"the emulator's call log to show the {clientFailures} failed calls the client reported");

    [GeneratedRegex(@"error: ((Create|Update|Replace|Delete|Wait for) \w+ [\w.-]+|(GET|POST|PATCH|DELETE) /\S+) failed")]
    private static partial Regex FailedOperation();
}
