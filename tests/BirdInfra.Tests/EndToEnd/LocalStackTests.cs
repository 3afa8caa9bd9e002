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

    private Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync(_root, _ => null, args);
}
