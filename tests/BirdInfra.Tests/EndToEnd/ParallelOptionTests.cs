using BirdInfra.Tests.Reliability;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>`--parallel N` on `up`, `destroy` and `refresh` (issue 14): any N ≥ 1 converges; 0, negative or not a number is refused.</summary>
public sealed class ParallelOptionTests
{
    [Theory]
    [InlineData("up", "0")]
    [InlineData("up", "-2")]
    [InlineData("destroy", "0")]
    [InlineData("refresh", "many")]
    public async Task Parallel_BelowOneOrNotANumber_IsRefusedBeforeAnythingIsSent(string command, string value)
    {
        await using var ws = await StackWorkspace.CreateAsync();

        var run = await ws.RunAsync(command, "--stack", "e2e", "--yes", "--parallel", value);

        run.ExitCode.Should().Be(1, run.All);
        run.Error.Should().Contain($"--parallel must be a whole number of at least 1 (1 runs one operation at a time), not '{value}'.");
        run.All.Should().NotContain("   at ", "no stack trace reaches the user");
        (await ws.CallsAsync()).Should().BeEmpty("nothing is sent to Bird");
    }

    [Fact]
    public async Task UpSequential_ThenRefreshAndDestroyInParallel_Converge()
    {
        await using var ws = await StackWorkspace.CreateAsync();

        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes", "--parallel", "1");
        up.ExitCode.Should().Be(0, up.All);
        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode");
        preview.ExitCode.Should().Be(0, "a sequential up leaves nothing to do:\n" + preview.All);
        var refresh = await ws.RunAsync("refresh", "--stack", "e2e", "--parallel", "2");
        refresh.ExitCode.Should().Be(0, refresh.All);
        refresh.Out.Should().Contain("no drift");

        var destroy = await ws.RunAsync("destroy", "--stack", "e2e", "--yes", "--parallel", "3");

        destroy.ExitCode.Should().Be(0, destroy.All);
        (await BirdInventory.ReadAsync(ws)).Should().BeEmpty("destroy deleted everything the stack owned");
    }
}
