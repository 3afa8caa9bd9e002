using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>
/// The scenario stays converged whatever shape Bird's reads take: connectors with or without echoed arguments, and
/// access keys read as roleRefs or as expanded roles. No shape may plan a replacement (a token rotation, a live number).
/// </summary>
[Trait("Category", "Slow")]
public sealed class TolerantReadScenarioTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Scenario_WithOrWithoutEchoedConnectorArguments_UpThenPreviewPlansNothingAndMutatesNothing(bool echoArguments)
    {
        await using var ws = await StackWorkspace.CreateAsync(configure: o => o with { EchoConnectorArguments = echoArguments });
        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
        (await ws.ListAsync(ws.WorkspacePath("connectors"))).Should().ContainSingle()
            .Which.TryGetProperty("arguments", out _).Should().Be(echoArguments);

        await ws.ResetCallLogAsync();
        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode");
        preview.ExitCode.Should().Be(0, preview.All);
        var again = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        again.ExitCode.Should().Be(0, again.All);
        again.Out.Should().Contain("No changes");
        var refresh = await ws.RunAsync("refresh", "--stack", "e2e");
        refresh.ExitCode.Should().Be(0, refresh.All);
        refresh.Out.Should().NotContain("changed outside BirdInfra");

        (await ws.CallsAsync()).Where(c => c.Method != "GET").Should().BeEmpty("a missing echo is not drift");
        (await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Scenario_UpThenRefreshThenPreview_NeverPlansAKeyReplacement(bool getExpandsRoles)
    {
        await using var ws = await StackWorkspace.CreateAsync(configure: o => o with { AccessKeyGetExpandsRoles = getExpandsRoles });
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);

        var refresh = await ws.RunAsync("refresh", "--stack", "e2e");
        refresh.ExitCode.Should().Be(0, refresh.All);
        refresh.Out.Should().NotContain("changed outside BirdInfra");
        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode");

        preview.ExitCode.Should().Be(0, preview.All);
        preview.Out.Should().NotContain("AccessKey.contact-center").And.NotContain("rotates");
    }
}
