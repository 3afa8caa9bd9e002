using System.Text.Json;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>The main job end to end: the scenario stack applied to a fresh emulator through the CLI.</summary>
[Trait("Category", "Slow")]
public sealed class ScenarioTests : IAsyncLifetime
{
    private StackWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await StackWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task Up_CreatesTheScenario_AndASecondRunChangesNothingWithoutMutatingCalls()
    {
        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);

        var policies = await _ws.ListAsync(_ws.OrgPath("iam-policies"));
        var policy = policies.Should().ContainSingle(p => p.GetProperty("name").GetString() == "ucx-contact-center").Subject;
        var rows = policy.GetProperty("definitions").EnumerateArray()
            .SelectMany(d => d.GetProperty("actions").EnumerateArray().SelectMany(a => d.GetProperty("resources").EnumerateArray().Select(r => $"{d.GetProperty("effect").GetString()} {a.GetString()} {r.GetString()}")))
            .ToList();
        var org = _ws.Emulator.OrganizationId;
        rows.Should().BeEquivalentTo(
            "allow create /workspaces/*/channels/*/messages",
            "allow create /workspaces/*/verify",
            $"allow create /organizations/{org}/workspaces/*/webhook-subscriptions",
            "allow view /workspaces/*/channels/*",
            $"allow view /organizations/{org}/workspaces/*/webhook-subscriptions",
            $"allow delete /organizations/{org}/workspaces/*/webhook-subscriptions/*");
        (await _ws.ListAsync(_ws.OrgPath("iam-roles"))).Should().ContainSingle(r => r.GetProperty("name").GetString() == "ucx-contact-center");
        (await _ws.ListAsync(_ws.OrgPath("access-keys"))).Should().ContainSingle(k => k.GetProperty("name").GetString() == "ucx-contact-center");
        var connector = (await _ws.ListAsync(_ws.WorkspacePath("connectors"))).Should().ContainSingle().Subject;
        var channelId = connector.GetProperty("channel").GetProperty("channelId").GetString();
        (await _ws.GetAsync(_ws.WorkspacePath($"channels/{channelId}"))).GetProperty("id").GetString().Should().Be(channelId);
        var subscriptions = await _ws.ListAsync(_ws.OrgPath($"workspaces/{_ws.Emulator.WorkspaceId}/webhook-subscriptions"));
        subscriptions.Should().HaveCount(3);
        subscriptions.Where(s => s.GetProperty("event").GetString()!.StartsWith("whatsapp.", StringComparison.Ordinal))
            .Should().OnlyContain(s => s.GetProperty("eventFilters").EnumerateArray().Any(f => f.GetProperty("key").GetString() == "channelId" && f.GetProperty("value").GetString() == channelId));

        await _ws.ResetCallLogAsync();
        var preview = await _ws.RunAsync("preview", "--stack", "e2e", "--json", "--detailed-exitcode");
        preview.ExitCode.Should().Be(0, preview.All);
        var summary = JsonDocument.Parse(preview.Out).RootElement.GetProperty("summary");
        (summary.GetProperty("create").GetInt32(), summary.GetProperty("update").GetInt32(), summary.GetProperty("replace").GetInt32(), summary.GetProperty("delete").GetInt32(), summary.GetProperty("same").GetInt32())
            .Should().Be((0, 0, 0, 0, 7));
        var again = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        again.ExitCode.Should().Be(0, again.All);
        again.Out.Should().Contain("No changes");

        var calls = await _ws.CallsAsync();
        calls.Where(c => c.Method != "GET").Should().BeEmpty("a no-op preview and up must not mutate Bird");
        calls.Count.Should().BeLessThanOrEqualTo(2 * (5 + 1), "each run reads each kind through one list call, and the webhook catalogue once");
        calls.Count(c => c.Path.EndsWith("/available-webhooks", StringComparison.Ordinal)).Should().Be(2, "one catalogue read per run");
    }

    [Fact]
    public async Task ChangingAWebhookUrl_PreviewShowsOneUpdate_AndUpSendsOnePatch()
    {
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        _ws.EditStack("https://contact-center.example.com/bird/channels", "https://contact-center.example.com/bird/channels-v2");

        var preview = await _ws.RunAsync("preview", "--stack", "e2e");
        preview.ExitCode.Should().Be(0, preview.All);
        preview.Out.Should().Contain("~ WebhookSubscription.channel-created");
        preview.Out.Should().Contain("url: \"https://contact-center.example.com/bird/channels\" → \"https://contact-center.example.com/bird/channels-v2\"");
        preview.Out.Should().Contain("Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 6 unchanged.");

        await _ws.ResetCallLogAsync();
        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
        (await _ws.CallsAsync()).Where(c => c.Method != "GET").Should().ContainSingle()
            .Which.Method.Should().Be("PATCH");
        (await _ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task ChangingAConnectorsPhoneNumber_IsAReplacement()
    {
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        _ws.EditStack("phoneNumber: \"+31612345678\"", "phoneNumber: \"+31612345679\"");

        var preview = await _ws.RunAsync("preview", "--stack", "e2e", "--json");
        preview.ExitCode.Should().Be(0, preview.All);
        var resources = JsonDocument.Parse(preview.Out).RootElement.GetProperty("resources").EnumerateArray().ToList();
        var connector = resources.Single(r => r.GetProperty("kind").GetString() == "Connector");
        connector.GetProperty("action").GetString().Should().Be("replace");
        connector.GetProperty("changes").EnumerateArray().Should().Contain(c => c.GetProperty("path").GetString() == "phoneNumber" && c.GetProperty("forcesReplacement").GetBoolean());

        var text = await _ws.RunAsync("preview", "--stack", "e2e");
        text.Out.Should().Contain("-/+ Connector.main-number");

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
        var connectors = await _ws.ListAsync(_ws.WorkspacePath("connectors"));
        connectors.Should().ContainSingle().Which.GetProperty("arguments").GetProperty("phoneNumber").GetString().Should().Be("+31612345679");
        (await _ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task AnObjectDeletedBehindBirdInfrasBack_IsReportedByRefresh_AndRecreatedByUp()
    {
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        var subscription = (await _ws.ListAsync(_ws.OrgPath($"workspaces/{_ws.Emulator.WorkspaceId}/webhook-subscriptions")))
            .First(s => s.GetProperty("event").GetString() == "channel.created");
        await _ws.SendAsync(HttpMethod.Delete, _ws.OrgPath($"workspaces/{_ws.Emulator.WorkspaceId}/webhook-subscriptions/{subscription.GetProperty("id").GetString()}"));

        var refresh = await _ws.RunAsync("refresh", "--stack", "e2e");
        refresh.ExitCode.Should().Be(0, refresh.All);
        refresh.Out.Should().Contain("WebhookSubscription.channel-created").And.Contain("deleted outside BirdInfra");

        var preview = await _ws.RunAsync("preview", "--stack", "e2e");
        preview.Out.Should().Contain("+ WebhookSubscription.channel-created");
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        (await _ws.ListAsync(_ws.OrgPath($"workspaces/{_ws.Emulator.WorkspaceId}/webhook-subscriptions")))
            .Should().Contain(s => s.GetProperty("event").GetString() == "channel.created");
    }

    [Fact]
    public async Task Destroy_RemovesWhatTheStackOwns_AndLeavesOtherObjectsAlone()
    {
        await _ws.SendAsync(HttpMethod.Post, _ws.OrgPath("iam-policies"), new
        {
            name = "made-by-hand",
            definitions = new[] { new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/workspaces/*" } } },
        });
        (await _ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);

        var destroy = await _ws.RunAsync("destroy", "--stack", "e2e", "--yes");
        destroy.ExitCode.Should().Be(0, destroy.All);

        (await _ws.ListAsync(_ws.OrgPath("iam-policies"))).Select(p => p.GetProperty("name").GetString()).Should().Equal("made-by-hand");
        (await _ws.ListAsync(_ws.OrgPath("iam-roles"))).Should().BeEmpty();
        (await _ws.ListAsync(_ws.OrgPath("access-keys"))).Should().NotContain(k => k.GetProperty("name").GetString() == "ucx-contact-center");
        (await _ws.ListAsync(_ws.WorkspacePath("connectors"))).Should().BeEmpty();
        (await _ws.ListAsync(_ws.OrgPath($"workspaces/{_ws.Emulator.WorkspaceId}/webhook-subscriptions"))).Should().BeEmpty();
    }

    [Fact]
    public async Task NoKnownSecretAppearsInAnyOutputOrInTheStateFile()
    {
        // State is read after each `up`, while it holds the resources and their secrets (after `destroy` it holds none).
        var stored = new List<(string What, string Text)>();
        var runs = new List<CliRun>
        {
            await _ws.RunAsync("preview", "--stack", "e2e"),
            await _ws.RunAsync("preview", "--stack", "e2e", "--json"),
            await _ws.RunAsync("up", "--stack", "e2e", "--yes"),
        };
        var (token, _) = await _ws.LearnMintedSecretsAsync();
        token.IsSecret.Should().BeTrue("the access key's token is a secret output");
        await ReadStoredStateAsync("after the first up", stored);
        _ws.EditStack("https://contact-center.example.com/bird/channels", "https://contact-center.example.com/bird/channels-v2");
        _ws.EditStack("accessToken: { env: WHATSAPP_ACCESS_TOKEN }", "accessToken: { env: WHATSAPP_ACCESS_TOKEN_2 }");
        _ws.Environment["WHATSAPP_ACCESS_TOKEN_2"] = "EAAG-second-known-token-0b1d";
        _ws.KnownSecrets.Add("EAAG-second-known-token-0b1d");
        runs.Add(await _ws.RunAsync("preview", "--stack", "e2e"));
        runs.Add(await _ws.RunAsync("preview", "--stack", "e2e", "--json"));
        runs.Add(await _ws.RunAsync("up", "--stack", "e2e", "--yes"));
        await ReadStoredStateAsync("after the second up", stored);
        runs.Add(await _ws.RunAsync("refresh", "--stack", "e2e"));
        runs.Add(await _ws.RunAsync("destroy", "--stack", "e2e", "--yes"));
        runs.Should().OnlyContain(r => r.ExitCode == 0);
        await ReadStoredStateAsync("after destroy", stored);

        var outputs = runs.Select((r, i) => ($"run {i + 1}", r.All)).Concat(stored).ToList();
        foreach (var secret in _ws.KnownSecrets)
        {
            outputs.Should().NotContain(o => o.Item2.Contains(secret, StringComparison.Ordinal), $"the secret '{secret[..4]}…' must never be printed or stored in plaintext");
        }

        runs[0].Out.Should().Contain("[secret]");
    }

    /// <summary>
    /// The state file, its backup and its journal as they are on disk now; the state is opened too, to show it holds
    /// (encrypted) every secret the stack has at this point: the access key's token, both signing keys, the WhatsApp token.
    /// </summary>
    private async Task ReadStoredStateAsync(string when, List<(string What, string Text)> stored)
    {
        foreach (var file in new[] { _ws.StateFile, _ws.BackupFile, Path.ChangeExtension(_ws.StateFile, ".journal") }.Where(File.Exists))
        {
            stored.Add(($"{Path.GetFileName(file)} {when}", await File.ReadAllTextAsync(file)));
        }

        if (when == "after destroy")
        {
            return;
        }

        var state = await _ws.OpenStateAsync();
        var secrets = state.Resources.SelectMany(r => r.Inputs.Concat(r.Outputs)).Where(p => p.Value is { IsSecret: true }).ToList();
        secrets.Select(p => p.Key).Should().Contain(["token", "accessToken", "signingKey"], $"{when}, state holds the stack's secrets");
        string.Concat(stored.Where(s => s.What.EndsWith(when, StringComparison.Ordinal)).Select(s => s.Text)).Should().Contain("$secret", $"{when}, the files hold the secrets encrypted");
    }
}
