using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>
/// preview and up check webhook events and filter keys against the catalogue Bird offers in the workspace
/// (available-webhooks); validate keeps the built-in one. Here the emulator offers less than the built-in catalogue.
/// </summary>
public sealed class LiveCatalogueTests
{
    /// <summary>whatsapp.inbound without filter keys, whatsapp.outbound as usual; no channel.* events.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>?> Narrow = new(StringComparer.Ordinal)
    {
        ["whatsapp.inbound"] = [],
        ["whatsapp.outbound"] = null,
    };

    [Theory]
    [InlineData("preview")]
    [InlineData("up")]
    public async Task PreviewAndUp_RejectEventsAndFilterKeysBirdDoesNotOffer_WithLocations_AndSendNothing(string command)
    {
        await using var ws = await StackWorkspace.CreateAsync(configure: o => o with { WebhookEvents = Narrow });
        var validate = await ws.RunAsync("validate", "--stack", "e2e");
        validate.ExitCode.Should().Be(0, "the built-in catalogue knows every event of the scenario: " + validate.All);
        await ws.ResetCallLogAsync();

        var run = await ws.RunAsync(command == "up" ? ["up", "--stack", "e2e", "--yes"] : ["preview", "--stack", "e2e"]);

        run.ExitCode.Should().Be(1, run.All);
        var file = Path.Combine(ws.Root, "stacks", "e2e.yaml");
        run.Error.Should().Contain($"{file}:{Position("event: channel.created", "channel.created")}: error BI082: Bird does not offer the event 'channel.created' in this workspace")
            .And.Contain("(at webhookSubscriptions.channel-created.event)")
            .And.Contain("hint: Use an event Bird lists, e.g. whatsapp.inbound, whatsapp.outbound");
        run.Error.Should().Contain($"{file}:{Position("channel: main-number", "main-number")}: error BI083: Bird does not offer the filter key 'channelId' for event 'whatsapp.inbound'")
            .And.Contain("(at webhookSubscriptions.main-inbound.channel)")
            .And.Contain("hint: Remove the filter: Bird takes none for this event. In a stack file, 'channel:' is what adds a channelId filter.");
        run.Error.Should().Contain("2 problems found; nothing was changed in Bird.").And.NotContain("   at ");
        run.Error.Should().NotContain("main-outbound", "whatsapp.outbound with its channelId filter is on offer");
        var calls = await ws.CallsAsync();
        calls.Should().NotContain(c => c.Method != "GET", "nothing is sent when the stack does not fit Bird's catalogue");
        calls.Count(c => c.Path.EndsWith("/available-webhooks", StringComparison.Ordinal)).Should().Be(1, "the catalogue is read once per run");
    }

    [Fact]
    public async Task Preview_WithTheFullCatalogue_ReadsItOnceAndPlans()
    {
        await using var ws = await StackWorkspace.CreateAsync();

        var preview = await ws.RunAsync("preview", "--stack", "e2e");

        preview.ExitCode.Should().Be(0, preview.All);
        (await ws.CallsAsync()).Count(c => c.Path.EndsWith("/available-webhooks", StringComparison.Ordinal)).Should().Be(1);
    }

    /// <summary>"line:column" (1-based) of <paramref name="value"/> on the first line of the scenario stack containing <paramref name="text"/>.</summary>
    private static string Position(string text, string value)
    {
        var lines = ScenarioStack.Yaml.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return $"{index + 1}:{lines[index].IndexOf(text, StringComparison.Ordinal) + text.IndexOf(value, StringComparison.Ordinal) + 1}";
    }
}
