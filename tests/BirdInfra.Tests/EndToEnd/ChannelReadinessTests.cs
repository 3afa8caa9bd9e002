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

    [Fact]
    public async Task Up_WhenTheChannelTurnsFailed_EndsAtTheFirstPollAfterIt_NamingTheStatus_AndTheNextUpChecksAgain()
    {
        await using var ws = await StackWorkspace.CreateAsync(configure: o => o with { ChannelActivationDelay = TimeSpan.FromHours(1) });
        var running = ws.RunAsync("up", "--stack", "e2e", "--yes");

        // Once up polls the pending channel, Bird turns it 'failed'.
        var channelId = await WaitAsync(async () =>
        {
            var channels = await ws.ListAsync(ws.WorkspacePath("channels"));
            var id = channels.Count == 1 ? channels[0].GetProperty("id").GetString() : null;
            return id is not null && (await ws.CallsAsync()).Any(c => c.Method == "GET" && c.Path == ws.WorkspacePath($"channels/{id}")) ? id : null;
        }, running);
        await ws.SendAsync(HttpMethod.Put, $"/_emulator/channels/{channelId}", new { status = "failed" });

        // A marker in the call log right after the change (up never reads the workspace itself): the reads after it saw 'failed'.
        var marker = ws.OrgPath($"workspaces/{ws.Emulator.WorkspaceId}");
        await ws.GetAsync(marker);

        var up = await running;

        up.ExitCode.Should().Be(1, up.All);
        up.All.Should().Contain($"its channel {channelId} is 'failed', a status that does not become 'active' by waiting")
            .And.Contain("Connector 'ACME WhatsApp +31612345678'").And.Contain("the next run checks the channel again").And.NotContain("   at ");
        up.All.Should().NotContain("is 'failed'; waiting", "no poll after the one that saw the status waits again");
        var calls = await ws.CallsAsync();
        var readsAfter = calls.Skip(calls.IndexOf(("GET", marker)) + 1).Where(c => c == ("GET", ws.WorkspacePath($"channels/{channelId}"))).ToList();
        readsAfter.Should().ContainSingle("the first read of the channel after the change ends the wait");
        (await ws.ListAsync(ws.WorkspacePath("connectors"))).Should().ContainSingle("the connector is recorded, not leaked");

        await ws.SendAsync(HttpMethod.Put, $"/_emulator/channels/{channelId}", new { status = "active" });
        await ws.ResetCallLogAsync();
        var next = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        next.ExitCode.Should().Be(0, next.All);
        next.All.Should().Contain($"channel {channelId} is active (ready)");
        (await ws.MutatingCallsAsync()).Should().NotContain(c => c.Path.Contains("/connectors", StringComparison.Ordinal), "the recorded connector is checked again, not made again");
    }

    [Fact]
    public async Task Up_WithParallel1_ConnectorsWaitingForTheirChannels_HoldNoSlot()
    {
        // Three connectors, one operation at a time, channels that stay pending until the test activates them: every
        // connector is created while the first ones still wait (a waiting connector held the only slot before).
        var stack = string.Join('\n', HandBuiltSetup.StackTargetOnly, "connectors:", Connector("a", "+31611111111"), Connector("b", "+31622222222"), Connector("c", "+31633333333"));
        await using var ws = await StackWorkspace.CreateAsync(stack, configure: o => o with { ChannelActivationDelay = TimeSpan.FromHours(1) });
        var running = ws.RunAsync("up", "--stack", "e2e", "--yes", "--parallel", "1");

        await WaitAsync(async () => (await ws.ListAsync(ws.WorkspacePath("channels"))).Count == 3 ? "all" : null, running);
        (await ws.CallsAsync()).Count(c => c.Method == "POST" && c.Path == ws.WorkspacePath("connectors")).Should().Be(3);
        foreach (var channel in await ws.ListAsync(ws.WorkspacePath("channels")))
        {
            channel.GetProperty("status").GetString().Should().Be("pending", "no connector was ready when the next one was created");
            await ws.SendAsync(HttpMethod.Put, $"/_emulator/channels/{channel.GetProperty("id").GetString()}", new { status = "active" });
        }

        var up = await running;

        up.ExitCode.Should().Be(0, up.All);
        up.All.Should().Contain("Create Connector.c: done");
    }

    private static string Connector(string name, string phone) => string.Join('\n',
        $"  {name}:",
        $"    name: WhatsApp {phone}",
        "    wabaId: \"102290129340398\"",
        "    phoneId: \"106540352242922\"",
        $"    phoneNumber: \"{phone}\"",
        "    accessToken: { env: WHATSAPP_ACCESS_TOKEN }");

    /// <summary>Polls Bird (the emulator's state and call log) until <paramref name="probe"/> answers, or the run ends first.</summary>
    private static Task<string> WaitAsync(Func<Task<string?>> probe, Task<CliRun> run) =>
        Poll.UntilAsync(
            async () =>
            {
                if (await probe() is { } found)
                {
                    return found;
                }

                run.IsCompleted.Should().BeFalse("up should still be waiting for the channel: " + (run.IsCompleted ? run.Result.All : string.Empty));
                return null;
            },
            TimeSpan.FromSeconds(60),
            "what the test waits on in Bird while up waits for the channel");
}
