using System.Diagnostics;
using System.Text.Json;
using BirdInfra.Providers.Kinds;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>
/// bench/run.sh at its smallest (5 connectors, 23 resources, twice, and the latency run) against the built birdinfra and
/// emulator, so the benchmark keeps working as the code changes; the full run (docs/performance.md) is not a test.
/// </summary>
[Trait("Category", "Slow")]
[LongPole]
public sealed class BenchmarkScriptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("birdinfra-bench-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task TheBenchmark_AtTwentyThreeResources_MeasuresEveryCommand_AndWritesItsJson()
    {
        var json = Path.Combine(_dir, "results.json");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

        var (exitCode, output) = await RunAsync(
            "bash", RepoPaths.Of("bench", "run.sh"), "--no-build", "--configuration", configuration, "--sizes", "5 10", "--latency-connectors", "5", "--activation-connectors", "5", "--out", json);

        exitCode.Should().Be(0, output);
        output.Should().Contain("| 23 | up |").And.Contain("| 43 | preview |").And.Contain("| 43 | drift |").And.Contain("ms latency on every route");
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var sizes = report.RootElement.GetProperty("sizes").EnumerateArray().ToList();
        sizes.Select(s => s.GetProperty("resources").GetInt32()).Should().Equal(23, 43);
        foreach (var size in sizes)
        {
            var resources = size.GetProperty("resources").GetInt32();
            size.GetProperty("validate").GetProperty("birdCalls").GetInt32().Should().Be(0, "validate works offline");
            size.GetProperty("up").GetProperty("mutatingCalls").GetInt32().Should().Be(resources, "one create per resource");
            size.GetProperty("preview").GetProperty("birdCalls").GetInt32().Should().Be(6, "a no-op preview reads the webhook catalogue once and lists each kind once: 3 IAM lists, connectors, subscriptions");
            size.GetProperty("preview").GetProperty("mutatingCalls").GetInt32().Should().Be(0);
            size.GetProperty("drift").GetProperty("birdCalls").GetInt32().Should().Be(BirdKinds.Default.All.Length, "drift lists each kind of the registry once (today 3 IAM lists, connectors, subscriptions) and reads no catalogue");
            size.GetProperty("drift").GetProperty("mutatingCalls").GetInt32().Should().Be(0);
            size.GetProperty("driftTimeRatioToPreview").GetDouble().Should().BePositive();
            foreach (var command in new[] { "validate", "up", "preview", "drift" })
            {
                size.GetProperty(command).GetProperty("seconds").GetDouble().Should().BePositive();
                size.GetProperty(command).GetProperty("peakRssMb").GetDouble().Should().BeInRange(10, 1000, "the child's own peak RSS");
            }
        }

        sizes[1].GetProperty("upTimeRatioToPrevious").GetDouble().Should().BePositive();
        var latency = report.RootElement.GetProperty("latency");
        latency.GetProperty("resources").GetInt32().Should().Be(23);
        latency.GetProperty("parallel1").GetProperty("mutatingCalls").GetInt32().Should().Be(23);
        latency.GetProperty("default").GetProperty("mutatingCalls").GetInt32().Should().Be(23);
        latency.GetProperty("speedup").GetDouble().Should().BePositive();
        output.Should().Contain("channel activation 0.05 s:");
        var activation = report.RootElement.GetProperty("activation");
        activation.GetProperty("resources").GetInt32().Should().Be(23);
        activation.GetProperty("slow").GetProperty("activationDelaySeconds").GetDouble().Should().Be(1);
        activation.GetProperty("slow").GetProperty("mutatingCalls").GetInt32().Should().Be(23);
        activation.GetProperty("ratio").GetDouble().Should().BePositive();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
