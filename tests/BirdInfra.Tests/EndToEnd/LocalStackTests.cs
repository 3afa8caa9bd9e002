using BirdInfra.Cli;
using BirdInfra.Engine;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>The main job: `up --stack local --yes` on a fresh copy of the repository's stacks, with nothing set.</summary>
public sealed class LocalStackTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("birdinfra-local-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task UpLocal_OnAFreshCopy_CreatesTheScenario_AndTheSecondRunHasNoChanges()
    {
        Directory.CreateDirectory(Path.Combine(_root, "stacks"));
        File.Copy(RepoPaths.Of("stacks", "local.yaml"), Path.Combine(_root, "stacks", "local.yaml"));

        var first = await RunAsync("up", "--stack", "local", "--yes");
        first.ExitCode.Should().Be(0, first.All);
        first.Out.Should().MatchRegex(@"Plan: \d+ to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged\.");
        File.Exists(Path.Combine(_root, ".birdinfra", "local", "emulator.json")).Should().BeTrue("the local emulator persists under .birdinfra/local");

        var second = await RunAsync("up", "--stack", "local", "--yes");
        second.ExitCode.Should().Be(0, second.All);
        second.Out.Should().Contain("No changes.");
    }

    private async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var io = new ConsoleIO(output, error, _ => false, _ => null);
        var code = await CliApp.RunAsync(args, io, _root, CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
