using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>
/// `up` treats a connector as ready only when its channel exists and Bird says it is 'active': it shows the channel's status
/// while waiting, and a timeout names the status last seen (the emulator's channels are 'pending' first).
/// </summary>
[Trait("Category", "Slow")]
public sealed class ChannelReadinessTests
{
    [Fact]
    public async Task Up_WaitsForTheChannelToBeActive_ShowingItsStatus()
    {
        await using var ws = await StackWorkspace.CreateAsync(configure: o => o with { ChannelActivationDelay = TimeSpan.FromSeconds(1.5) });

        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        up.ExitCode.Should().Be(0, up.All);
        up.All.Should().Contain("is 'pending'; waiting for it to become 'active'").And.Contain("is active (ready)");
    }

    [Fact]
    public async Task Up_WhenTheChannelStaysPending_FailsNamingTheStatus_WithTheConnectorRecorded()
    {
        await using var ws = await StackWorkspace.CreateAsync(configure: o => o with { ChannelActivationDelay = TimeSpan.FromHours(1) });
        ws.Environment["BIRD_CHANNEL_TIMEOUT_SECONDS"] = "1";

        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        up.ExitCode.Should().Be(1, up.All);
        up.All.Should().Contain("was still 'pending' after 1 s").And.Contain("a working channel is 'active'").And.NotContain("   at ");
        (await ws.ListAsync(ws.WorkspacePath("connectors"))).Should().ContainSingle("the connector Bird made is recorded, not leaked or made twice");
    }

    [Fact]
    public async Task Up_AfterARunThatGaveUpOnTheChannel_WaitsForItBeforeCreatingTheSubscriptionsThatNeedIt()
    {
        // The channel appears 4 s after the connector's create; the first run gives up after 1 s, the next starts at once.
        await using var ws = await StackWorkspace.CreateAsync(configure: o => o with { ChannelDelay = TimeSpan.FromSeconds(4) });
        ws.Environment["BIRD_CHANNEL_TIMEOUT_SECONDS"] = "1";
        var first = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        first.ExitCode.Should().Be(1, first.All);
        ws.Environment["BIRD_CHANNEL_TIMEOUT_SECONDS"] = "60";
        await ws.ResetCallLogAsync();

        var next = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        next.ExitCode.Should().Be(0, "the recorded connector needs no change, but its subscriptions need its channel:\n" + next.All);
        next.All.Should().Contain("Wait for Connector.main-number: done").And.NotContain("did not provide");
        (await ws.MutatingCallsAsync()).Should().NotContain(c => c.Path.Contains("/connectors", StringComparison.Ordinal), "the connector is waited for, not made again");
        (await ws.ListAsync(ws.WorkspacePath("connectors"))).Should().ContainSingle();
        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode");
        preview.ExitCode.Should().Be(0, "the channel is in state now:\n" + preview.All);
    }
}
