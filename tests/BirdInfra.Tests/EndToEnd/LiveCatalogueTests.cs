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
        File.Exists(ws.LockFile).Should().BeFalse("a run the catalogue refuses releases the stack's lock (taken before Bird is read)");
    }

    [Fact]
    public async Task Preview_WithTheFullCatalogue_ReadsItOnceAndPlans()
    {
        await using var ws = await StackWorkspace.CreateAsync();

        var preview = await ws.RunAsync("preview", "--stack", "e2e");

        preview.ExitCode.Should().Be(0, preview.All);
        (await ws.CallsAsync()).Count(c => c.Path.EndsWith("/available-webhooks", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task PreviewAndUp_WhenTheCatalogueAnswers403_WarnOnceNamingThePermission_AndApplyTheStack()
    {
        await using var ws = await StackWorkspace.CreateAsync();
        ws.Environment["BIRD_ACCESS_KEY"] = await DeployKey.CreateAsync(ws, "deploy", DeployKey.DocumentedTable(ws.Emulator.OrganizationId));
        await ws.ResetCallLogAsync();

        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode");

        preview.ExitCode.Should().Be(2, preview.All);
        Warnings(preview.Error).Should().ContainSingle().Which.Should().Contain("warning BI094: Bird would not show its webhook catalogue (GET /workspaces/")
            .And.Contain("answered 403 Forbidden");
        preview.Error.Should().Contain("resources: [\"/workspaces/*/available-webhooks\"]");
        (await ws.MutatingCallsAsync()).Should().BeEmpty();

        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        up.ExitCode.Should().Be(0, up.All);
        Warnings(up.Error).Should().ContainSingle().Which.Should().Contain("BI094");
        (await ws.ListAsync(ws.OrgPath($"workspaces/{ws.Emulator.WorkspaceId}/webhook-subscriptions"))).Should().HaveCount(3, "the stack was applied");
    }

    [Fact]
    public async Task Preview_WhenTheCatalogueListsNoChannelsEvents_WarnsAndPlans()
    {
        await using var ws = await StackWorkspace.CreateAsync(configure: o => o with { WebhookEvents = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal) });

        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode");

        preview.ExitCode.Should().Be(2, preview.All);
        Warnings(preview.Error).Should().ContainSingle().Which.Should().Contain("warning BI094").And.Contain("listed no channels events");
    }

    [Fact]
    public async Task Preview_WhenTheCatalogueLacksAWhatsAppEvent_WarnsWithoutAWhatsAppChannel_AndRefusesWithOne()
    {
        var withoutInbound = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal)
        {
            ["channel.created"] = null,
            ["whatsapp.outbound"] = null,
        };
        await using var ws = await StackWorkspace.CreateAsync(configure: o => o with { WebhookEvents = withoutInbound });

        var first = await ws.RunAsync("preview", "--stack", "e2e");

        first.ExitCode.Should().Be(0, first.All);
        Warnings(first.Error).Should().ContainSingle().Which.Should().Contain("warning BI095: Bird does not list the event 'whatsapp.inbound' in this workspace yet")
            .And.Contain("which has no whatsapp channel yet");

        // A WhatsApp channel made by hand: now Bird's catalogue is the judge.
        await ws.PostAsync(ws.WorkspacePath("connectors"), new
        {
            name = "by hand",
            connectorTemplateRef = "whatsapp:1",
            arguments = new { wabaId = "102290129340398", phoneId = "106540352242999", phoneNumber = "+31699999999" },
            securityArguments = new { oauth = new { accessToken = StackWorkspace.WhatsAppToken } },
        });
        await WaitForChannelAsync(ws);

        var second = await ws.RunAsync("preview", "--stack", "e2e");

        second.ExitCode.Should().Be(1, second.All);
        second.Error.Should().Contain("error BI082: Bird does not offer the event 'whatsapp.inbound' in this workspace");
    }

    /// <summary>Waits on the emulator's channel list (no clock) until the hand-made connector's channel exists.</summary>
    private static Task WaitForChannelAsync(StackWorkspace ws) =>
        Poll.UntilAsync(
            async () => (await ws.ListAsync(ws.WorkspacePath("channels"))).Count > 0,
            TimeSpan.FromSeconds(60),
            "the hand-made connector's channel");

    private static List<string> Warnings(string stderr) => [.. stderr.Split('\n').Where(l => l.Contains(": warning BI", StringComparison.Ordinal))];

    /// <summary>"line:column" (1-based) of <paramref name="value"/> on the first line of the scenario stack containing <paramref name="text"/>.</summary>
    private static string Position(string text, string value)
    {
        var lines = ScenarioStack.Yaml.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return $"{index + 1}:{lines[index].IndexOf(text, StringComparison.Ordinal) + text.IndexOf(value, StringComparison.Ordinal) + 1}";
    }
}
