using System.Text.Json;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Guards;

/// <summary>Guards end to end: protected resources and the limit on destructive changes stop `up`, `preview` and `destroy` before anything is sent.</summary>
[Trait("Category", "Slow")]
public sealed class GuardEndToEndTests : IAsyncLifetime
{
    private const string Phone = "phoneNumber: \"+31612345678\"";
    private const string NewPhone = "phoneNumber: \"+31612345679\"";

    private StackWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await StackWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task ProtectedConnector_PhoneNumberChange_StopsUpWithReasonAndOrigin_AndSendsNothing()
    {
        await UpWithGuardsAsync("guards:\n  protect: [accessKeys, connectors]\n  maxDestructiveChanges: 2\n");
        _ws.EditStack(Phone, NewPhone);
        await _ws.ResetCallLogAsync();

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        var forced = await _ws.RunAsync("up", "--stack", "e2e", "--yes", "--allow-destructive-changes");

        up.ExitCode.Should().Be(1, up.All);
        up.Out.Should().Contain("-/+ Connector.main-number")
            .And.Contain($"! PROTECTED by guards.protect ('connectors') at {_ws.StackFile}:")
            .And.Contain("Connector.main-number is protected and would be replaced: phoneNumber forces a replacement.")
            .And.Contain("hint: Remove the protection in the stack file first");
        up.Error.Should().Contain("error: guards stopped `birdinfra up --stack e2e` before anything was sent to Bird: 1 protected resource would be deleted or replaced.");
        up.All.Should().NotContain("   at ", "no stack trace reaches the user");
        forced.ExitCode.Should().Be(1, "--allow-destructive-changes does not override protection");
        forced.Out.Should().Contain("Connector.main-number is protected");
        (await MutatingCallsAsync()).Should().BeEmpty("a guard stops the run before anything is sent to Bird");
        (await _ws.ListAsync(_ws.WorkspacePath("connectors"))).Should().ContainSingle()
            .Which.GetProperty("arguments").GetProperty("phoneNumber").GetString().Should().Be("+31612345678");
    }

    [Fact]
    public async Task ProtectedConnector_Preview_MarksTheChange_MatchesGoldenText_AndExitsOne()
    {
        await UpWithGuardsAsync("guards:\n  # prod-like protection\n  protect: [accessKeys, connectors]\n  maxDestructiveChanges: 2\n");
        _ws.EditStack(Phone, NewPhone);

        var preview = await _ws.RunAsync("preview", "--stack", "e2e");
        var json = await _ws.RunAsync("preview", "--stack", "e2e", "--json");

        preview.ExitCode.Should().Be(1, preview.All);
        preview.Error.Should().Contain("error: guards would stop `birdinfra up --stack e2e`: 1 protected resource would be deleted or replaced.");
        var channelId = (await _ws.ListAsync(_ws.WorkspacePath("connectors"))).Single().GetProperty("channel").GetProperty("channelId").GetString()!;
        var stable = preview.Out.Replace(_ws.Root, "<root>", StringComparison.Ordinal).Replace(channelId, "<channel-id>", StringComparison.Ordinal);
        Golden.Match(stable, "Guards", "Golden", "preview-protected-connector.txt");
        json.ExitCode.Should().Be(1, json.All);
        var guards = JsonDocument.Parse(json.Out).RootElement.GetProperty("guards");
        guards.GetProperty("stops").GetBoolean().Should().BeTrue();
        var violation = guards.GetProperty("violations").EnumerateArray().Should().ContainSingle().Subject;
        (violation.GetProperty("rule").GetString(), violation.GetProperty("kind").GetString(), violation.GetProperty("name").GetString(), violation.GetProperty("action").GetString())
            .Should().Be(("protected", "Connector", "main-number", "replace"));
        violation.GetProperty("reason").GetString().Should().Be("phoneNumber forces a replacement");
        violation.GetProperty("file").GetString().Should().Be(_ws.StackFile);
        violation.GetProperty("yamlPath").GetString().Should().Be("guards.protect[1]");
        violation.GetProperty("line").GetInt32().Should().Be(LineOf("protect: [accessKeys, connectors]"));
    }

    [Fact]
    public async Task OverTheLimit_UpStopsAndNamesTheFlag_PreviewReportsIt_AndTheFlagLetsUpApply()
    {
        await UpWithGuardsAsync("guards:\n  maxDestructiveChanges: 1\n");
        _ws.RemoveStackEntries("main-inbound", "main-outbound");
        await _ws.ResetCallLogAsync();

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        var preview = await _ws.RunAsync("preview", "--stack", "e2e", "--json");
        var previewAllowed = await _ws.RunAsync("preview", "--stack", "e2e", "--json", "--allow-destructive-changes");

        up.ExitCode.Should().Be(1, up.All);
        up.Out.Should().Contain("This run would delete or replace 2 resources; guards.maxDestructiveChanges allows 1.")
            .And.Contain($"set by guards.maxDestructiveChanges at {_ws.StackFile}:{LineOf("maxDestructiveChanges: 1")}:")
            .And.Contain("--allow-destructive-changes");
        up.Error.Should().Contain("it would delete or replace 2 resources, more than guards.maxDestructiveChanges (1) allows");
        (await MutatingCallsAsync()).Should().BeEmpty();
        (await Subscriptions()).Should().HaveCount(3);

        preview.ExitCode.Should().Be(1, preview.All);
        var guards = JsonDocument.Parse(preview.Out).RootElement.GetProperty("guards");
        (guards.GetProperty("destructiveChanges").GetInt32(), guards.GetProperty("maxDestructiveChanges").GetInt32()).Should().Be((2, 1));
        guards.GetProperty("violations").EnumerateArray().Should().ContainSingle().Which.GetProperty("rule").GetString().Should().Be("maxDestructiveChanges");
        JsonDocument.Parse(preview.Out).RootElement.GetProperty("summary").GetProperty("delete").GetInt32().Should().Be(2, "existing JSON fields are unchanged");
        previewAllowed.ExitCode.Should().Be(0, previewAllowed.All);
        JsonDocument.Parse(previewAllowed.Out).RootElement.GetProperty("guards").GetProperty("stops").GetBoolean().Should().BeFalse();

        var allowed = await _ws.RunAsync("up", "--stack", "e2e", "--yes", "--allow-destructive-changes");
        allowed.ExitCode.Should().Be(0, allowed.All);
        allowed.Out.Should().Contain("allowed by --allow-destructive-changes");
        (await Subscriptions()).Should().ContainSingle().Which.GetProperty("event").GetString().Should().Be("channel.created");
    }

    [Fact]
    public async Task AProtectedResourceRemovedFromTheFile_IsNotDeleted()
    {
        await UpWithGuardsAsync("guards:\n  protect: [accessKeys]\n");
        var text = File.ReadAllText(_ws.StackFile);
        var start = text.IndexOf("accessKeys:\n  contact-center:", StringComparison.Ordinal);
        var end = text.IndexOf("connectors:", StringComparison.Ordinal);
        File.WriteAllText(_ws.StackFile, text[..start] + text[end..]);
        await _ws.ResetCallLogAsync();

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");

        up.ExitCode.Should().Be(1, up.All);
        up.Out.Should().Contain("AccessKey.contact-center is protected and would be deleted: no longer declared in the stack.")
            .And.Contain($"protected by guards.protect ('accessKeys') at {_ws.StackFile}:{LineOf("protect: [accessKeys]")}:");
        (await MutatingCallsAsync()).Should().BeEmpty();
        (await _ws.ListAsync(_ws.OrgPath("access-keys"))).Should().Contain(k => k.GetProperty("name").GetString() == "ucx-contact-center");
    }

    [Fact]
    public async Task Destroy_RefusesProtectedResources_DeletesNothing_AndIgnoresTheLimit()
    {
        await UpWithGuardsAsync("guards:\n  protect: [connectors]\n  maxDestructiveChanges: 0\n");
        await _ws.ResetCallLogAsync();

        var refused = await _ws.RunAsync("destroy", "--stack", "e2e", "--yes");

        refused.ExitCode.Should().Be(1, refused.All);
        refused.Out.Should().Contain("Connector.main-number is protected and would be deleted: destroy deletes everything the stack owns.");
        refused.Out.Should().NotContain("maxDestructiveChanges allows", "the limit does not apply to destroy");
        refused.Error.Should().Contain("error: guards stopped `birdinfra destroy --stack e2e`");
        (await MutatingCallsAsync()).Should().BeEmpty("destroy deletes nothing when it refuses");
        (await _ws.ListAsync(_ws.OrgPath("iam-roles"))).Should().ContainSingle();

        _ws.EditStack(Phone, Phone + "\n    protect: false");
        var destroy = await _ws.RunAsync("destroy", "--stack", "e2e", "--yes");
        destroy.ExitCode.Should().Be(0, destroy.All);
        (await _ws.ListAsync(_ws.WorkspacePath("connectors"))).Should().BeEmpty();
    }

    [Fact]
    public async Task AnUnprotectedResource_IsStillReplaced_AndAResourcesOwnProtectIsHonoured()
    {
        await UpWithGuardsAsync("guards:\n  protect: [connectors]\n  maxDestructiveChanges: 3\n");
        _ws.EditStack(Phone, NewPhone + "\n    protect: false");
        _ws.EditStack("url: https://contact-center.example.com/bird/channels", "url: https://contact-center.example.com/bird/channels\n    protect: true");

        var replaced = await _ws.RunAsync("up", "--stack", "e2e", "--yes");

        replaced.ExitCode.Should().Be(0, replaced.All);
        replaced.Out.Should().Contain("-/+ Connector.main-number").And.NotContain("PROTECTED");
        (await _ws.ListAsync(_ws.WorkspacePath("connectors"))).Should().ContainSingle()
            .Which.GetProperty("arguments").GetProperty("phoneNumber").GetString().Should().Be("+31612345679");

        _ws.EditStack("event: channel.created", "event: channel.updated");
        await _ws.ResetCallLogAsync();
        var stopped = await _ws.RunAsync("up", "--stack", "e2e", "--yes");

        stopped.ExitCode.Should().Be(1, stopped.All);
        stopped.Out.Should().Contain("WebhookSubscription.channel-created is protected and would be replaced: event forces a replacement.")
            .And.Contain($"protected by protect: true on webhookSubscriptions.channel-created at {_ws.StackFile}:{LineOf("protect: true")}:");
        (await MutatingCallsAsync()).Should().BeEmpty();
    }

    private async Task UpWithGuardsAsync(string guards)
    {
        _ws.WriteStack(ScenarioStack.Yaml + "\n\n" + guards);
        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
    }

    private int LineOf(string text) => File.ReadAllLines(_ws.StackFile).ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    private async Task<List<(string Method, string Path)>> MutatingCallsAsync() =>
        (await _ws.CallsAsync()).Where(c => c.Method is not ("GET" or "HEAD")).ToList();

    private Task<List<JsonElement>> Subscriptions() => _ws.ListAsync(_ws.OrgPath($"workspaces/{_ws.Emulator.WorkspaceId}/webhook-subscriptions"));
}
