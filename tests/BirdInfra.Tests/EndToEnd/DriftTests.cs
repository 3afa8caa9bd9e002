using System.Text.Json;
using BirdInfra.Tests.Reliability;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>
/// `birdinfra drift` as an auditor runs it after `up` and after changes made in Bird's console: managed drift and what
/// lives beside the stack, each with its severity, the exit codes of --detailed-exitcode, and never a mutating call.
/// </summary>
public sealed class DriftTests
{
    /// <summary>The scenario with its key scoped to the target's workspace, so widening the scope is a change.</summary>
    public static readonly string ScopedScenario = ScenarioStack.Yaml.Replace(
        "    roles: [contact-center]\n",
        "    roles: [contact-center]\n    workspaces: [\"${workspaceId}\"]\n",
        StringComparison.Ordinal);

    [Fact]
    public async Task Drift_ReportsConsoleChangesAndObjectsBesideTheStack_WithSeverities_Exit2_ThenOnlyBeside3AfterUp()
    {
        await using var ws = await StackWorkspace.CreateAsync(ScopedScenario);
        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
        var clean = await DriftAsync(ws, "--detailed-exitcode");
        clean.ExitCode.Should().Be(0, "right after up nothing drifted and nothing lives beside the stack: " + clean.All);
        clean.Out.Should().Contain("no drift");

        var state = await ws.OpenStateAsync();
        string Id(string address) => state.Resources.Single(r => r.Address.ToString() == address).Id;
        var channelId = state.Resources.Single(r => r.Address.ToString() == "Connector.main-number").Outputs.GetString("channelId")!;
        var subscriptions = ws.OrgPath($"workspaces/{ws.Emulator.WorkspaceId}/webhook-subscriptions");

        // In Bird's console: a key that can do anything, a copy of the WhatsApp traffic to another URL, a role's
        // description edited, a managed subscription deleted, and the managed key's scope widened to the organization.
        var policy = await ws.PostAsync(ws.OrgPath("iam-policies"), new
        {
            name = "console-admin",
            description = "made by hand",
            definitions = new[] { new { effect = "allow", actions = new[] { "any" }, resources = new[] { "/**" } } },
        });
        var role = await ws.PostAsync(ws.OrgPath("iam-roles"), new { name = "console-admin", policies = new[] { new { id = policy.GetProperty("id").GetString() } } });
        var key = await ws.PostAsync(ws.OrgPath("access-keys"), new
        {
            name = "console-admin",
            description = "made by hand",
            roleRefs = new[] { new { id = role.GetProperty("id").GetString() } },
        });
        var copy = await ws.PostAsync(subscriptions, new
        {
            service = "channels",
            @event = "whatsapp.inbound",
            url = "https://elsewhere.example.net/hook",
            eventFilters = new[] { new { key = "channelId", value = channelId } },
        });
        await ws.SendAsync(HttpMethod.Patch, ws.OrgPath($"iam-roles/{Id("AccessRole.contact-center")}"), new { description = "Edited in the console" });
        await ws.SendAsync(HttpMethod.Delete, $"{subscriptions}/{Id("WebhookSubscription.main-outbound")}");
        await ws.SendAsync(HttpMethod.Put, $"/_emulator/access-keys/{Id("AccessKey.contact-center")}/role-refs", new { roleRefs = new[] { new { id = Id("AccessRole.contact-center") } } });
        await ws.ResetCallLogAsync();

        var drift = await DriftAsync(ws, "--format", "json", "--detailed-exitcode");

        drift.ExitCode.Should().Be(2, drift.All);
        var report = JsonDocument.Parse(drift.Out).RootElement;
        var drifted = report.GetProperty("drifted").EnumerateArray().ToDictionary(d => $"{d.GetProperty("kind").GetString()}.{d.GetProperty("name").GetString()}");
        drifted.Keys.Should().BeEquivalentTo("AccessRole.contact-center", "AccessKey.contact-center", "WebhookSubscription.main-outbound");
        drifted["AccessRole.contact-center"].GetProperty("severity").GetString().Should().Be("info");
        var description = drifted["AccessRole.contact-center"].GetProperty("changes").EnumerateArray().Single();
        description.GetProperty("path").GetString().Should().Be("description");
        description.GetProperty("expected").GetString().Should().Be("Holds the contact-center policy");
        description.GetProperty("actual").GetString().Should().Be("Edited in the console");
        drifted["AccessKey.contact-center"].GetProperty("severity").GetString().Should().Be("critical", "the key can now act in every workspace");
        drifted["AccessKey.contact-center"].GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("path").GetString()).Should().Equal("roleRefs");
        drifted["WebhookSubscription.main-outbound"].GetProperty("severity").GetString().Should().Be("warning");
        drifted["WebhookSubscription.main-outbound"].GetProperty("deleted").GetBoolean().Should().BeTrue();

        var beside = report.GetProperty("beside").EnumerateArray().ToDictionary(b => b.GetProperty("id").GetString()!);
        beside.Keys.Should().BeEquivalentTo(policy.GetProperty("id").GetString(), role.GetProperty("id").GetString(), key.GetProperty("accessKey").GetProperty("id").GetString(), copy.GetProperty("id").GetString());
        var handMadeKey = beside[key.GetProperty("accessKey").GetProperty("id").GetString()!];
        handMadeKey.GetProperty("severity").GetString().Should().Be("critical");
        handMadeKey.GetProperty("detail").GetString().Should().Contain("organization-wide").And.Contain("allow any /**")
            .And.Contain("may do every operation BirdInfra's catalogue of Bird's API lists", "the access evaluator says what the key can do");
        var copyFinding = beside[copy.GetProperty("id").GetString()!];
        copyFinding.GetProperty("severity").GetString().Should().Be("warning");
        copyFinding.GetProperty("detail").GetString().Should().Contain("whatsapp.inbound").And.Contain("https://elsewhere.example.net/hook").And.Contain(channelId);
        beside[policy.GetProperty("id").GetString()!].GetProperty("severity").GetString().Should().Be("info");
        report.GetProperty("summary").GetProperty("critical").GetInt32().Should().Be(2);
        drift.Out.Should().NotContain(StackWorkspace.SigningKey).And.NotContain(StackWorkspace.WhatsAppToken).And.NotContain(ws.Emulator.AdminAccessKey);
        (await CallLog.ReadAsync(ws)).Where(CallLog.IsMutating).Should().BeEmpty("drift only reads Bird");

        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode");
        preview.ExitCode.Should().Be(2, "preview sees the widened scope too: " + preview.All);
        preview.Out.Should().Contain("AccessKey").And.Contain("workspaces");

        var repair = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        repair.ExitCode.Should().Be(0, repair.All);
        await ws.ResetCallLogAsync();
        var besideOnly = await DriftAsync(ws, "--detailed-exitcode");
        besideOnly.ExitCode.Should().Be(3, "only the objects beside the stack remain: " + besideOnly.All);
        besideOnly.Out.Should().Contain("[critical] AccessKey console-admin").And.NotContain("Changed or deleted outside BirdInfra");
        (await DriftAsync(ws)).ExitCode.Should().Be(0, "without --detailed-exitcode a run that worked exits 0");

        File.AppendAllText(ws.StackFile, $$"""

            drift:
              ignore:
                - { kind: AccessKey, name: "console-*" }
                - { kind: AccessRole, name: "console-*" }
                - { kind: AccessPolicy, name: "console-*" }
                - { kind: WebhookSubscription, id: "{{copy.GetProperty("id").GetString()}}" }

            """);
        var expected = await DriftAsync(ws, "--format", "json", "--detailed-exitcode");
        expected.ExitCode.Should().Be(0, "what drift.ignore names is expected beside the stack: " + expected.All);
        var summary = JsonDocument.Parse(expected.Out).RootElement.GetProperty("summary");
        summary.GetProperty("ignored").GetInt32().Should().Be(4);
        summary.GetProperty("beside").GetInt32().Should().Be(0);
        (await CallLog.ReadAsync(ws)).Where(CallLog.IsMutating).Should().BeEmpty("drift only reads Bird");
    }

    [Fact]
    public async Task Drift_OfStacksSharingAnOrganization_ReportsEachOthersObjects_UntilDriftStacksNamesThem()
    {
        await using var ws = await StackWorkspace.CreateAsync();
        WriteOtherStack(ws, string.Empty);
        (await ws.RunAsync("up", "--stack", "other", "--yes")).ExitCode.Should().Be(0);
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        var otherState = Path.Combine(ws.Root, ".birdinfra", "other", "state.json");
        var before = await File.ReadAllBytesAsync(otherState);

        var unnamed = await DriftAsync(ws, "--detailed-exitcode");
        unnamed.ExitCode.Should().Be(3, unnamed.All);
        unnamed.Out.Should().Contain("[info] AccessPolicy other-reader");

        File.AppendAllText(ws.StackFile, "\ndrift:\n  stacks: [other]\n");
        var named = await DriftAsync(ws, "--detailed-exitcode");
        named.ExitCode.Should().Be(0, named.All);
        (await File.ReadAllBytesAsync(otherState)).Should().Equal(before, "the other stack's state is read, never written");
        File.Exists(Path.Combine(ws.Root, ".birdinfra", "other", "state.lock")).Should().BeFalse("the other stack is never locked");
    }

    [Fact]
    public async Task DriftAll_OneStackWithAnObjectBesideIt_AndOneClean_Exits3_SummarisesBoth_SendsNothing()
    {
        // Scenario: e2e and other share the organization and name each other in drift.stacks; a policy made by hand in
        // the console is beside e2e (3 alone), and other expects it (drift.ignore), so other is clean.
        await using var ws = await StackWorkspace.CreateAsync();
        WriteOtherStack(ws, """

            drift:
              stacks: [e2e]
              ignore:
                - { kind: AccessPolicy, name: "console-*" }
            """);
        File.AppendAllText(ws.StackFile, "\ndrift:\n  stacks: [other]\n");
        (await ws.RunAsync("up", "--stack", "other", "--yes")).ExitCode.Should().Be(0);
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        await ws.PostAsync(ws.OrgPath("iam-policies"), new
        {
            name = "console-reader",
            description = "made by hand",
            definitions = new[] { new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/workspaces/*/channels" } } },
        });
        (await DriftAsync(ws, "--detailed-exitcode")).ExitCode.Should().Be(3, "alone, e2e has only an object beside it");
        await ws.ResetCallLogAsync();

        var text = await ws.RunAsync("drift", "--all", "--detailed-exitcode");
        var json = await ws.RunAsync("drift", "--stacks", "*", "--format", "json", "--detailed-exitcode");

        text.ExitCode.Should().Be(3, "3 survives when the other stack gave 0: " + text.All);
        text.Out.Should().Contain("=== e2e ===").And.Contain("[info] AccessPolicy console-reader").And.Contain("=== other ===");
        var table = text.Out[text.Out.LastIndexOf("stack", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        table.Should().Equal(
            "stack exit drifted deleted beside ignored critical",
            "e2e 3 0 0 1 0 0",
            "other 0 0 0 0 1 0");
        json.ExitCode.Should().Be(3, json.All);
        var document = JsonDocument.Parse(json.Out).RootElement;
        document.GetProperty("stacks").EnumerateObject().Select(p => p.Name).Should().Equal("e2e", "other");
        document.GetProperty("stacks").GetProperty("e2e").GetProperty("beside").EnumerateArray().Select(b => b.GetProperty("name").GetString()).Should().Equal("console-reader");
        document.GetProperty("summary").EnumerateArray().Select(r => (r.GetProperty("stack").GetString(), r.GetProperty("exitCode").GetInt32())).Should().Equal(("e2e", 3), ("other", 0));
        (await CallLog.ReadAsync(ws)).Where(CallLog.IsMutating).Should().BeEmpty("drift only reads Bird");
    }

    [Fact]
    public async Task Drift_DoesNotWriteState_AndRecordWritesWhatRefreshWould()
    {
        await using var ws = await StackWorkspace.CreateAsync(ScopedScenario);
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        var roleId = (await ws.OpenStateAsync()).Resources.Single(r => r.Address.ToString() == "AccessRole.contact-center").Id;
        await ws.SendAsync(HttpMethod.Patch, ws.OrgPath($"iam-roles/{roleId}"), new { description = "Edited in the console" });
        var before = await File.ReadAllBytesAsync(ws.StateFile);

        (await DriftAsync(ws, "--detailed-exitcode")).ExitCode.Should().Be(2);
        (await File.ReadAllBytesAsync(ws.StateFile)).Should().Equal(before, "drift writes nothing to state");

        (await DriftAsync(ws, "--record")).ExitCode.Should().Be(0);
        (await ws.OpenStateAsync()).Resources.Single(r => r.Id == roleId).Inputs.GetString("description").Should().Be("Edited in the console");
    }

    [Fact]
    public async Task Drift_ReportsTheKeyTheTargetAuthenticatesWith_AsTheDeployKey_WithoutCountingItAsBeside()
    {
        await using var ws = await StackWorkspace.CreateAsync(ScopedScenario);
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        var policy = await ws.PostAsync(ws.OrgPath("iam-policies"), new
        {
            name = "deploy",
            description = "the pipeline's key",
            definitions = new[] { new { effect = "allow", actions = new[] { "any" }, resources = new[] { "/**" } } },
        });
        var role = await ws.PostAsync(ws.OrgPath("iam-roles"), new { name = "deploy", policies = new[] { new { id = policy.GetProperty("id").GetString() } } });
        var key = await ws.PostAsync(ws.OrgPath("access-keys"), new { name = "deploy", description = "pipeline", roleRefs = new[] { new { id = role.GetProperty("id").GetString() } } });
        var token = key.GetProperty("token").GetString()!;
        ws.KnownSecrets.Add(token);
        ws.Environment["BIRD_ACCESS_KEY"] = token;
        File.AppendAllText(ws.StackFile, "\ndrift:\n  ignore:\n    - { kind: AccessPolicy, name: deploy }\n    - { kind: AccessRole, name: deploy }\n");

        var drift = await DriftAsync(ws, "--detailed-exitcode");

        drift.ExitCode.Should().Be(0, "the deploy key is expected beside the stack: " + drift.All);
        drift.Out.Should().Contain("[info] AccessKey deploy").And.Contain("the deploy key: role deploy (organization-wide) with deploy [allow any /**]");
        drift.All.Should().NotContain(token);
    }

    [Fact]
    public async Task Drift_OfAStackWithoutBirdInfraState_CountsWhatMatchesADeclarationAsManaged()
    {
        // A stack applied with Pulumi: Bird holds its objects, BirdInfra has no state for it.
        await using var ws = await StackWorkspace.CreateAsync(ScopedScenario);
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        var roleId = (await ws.OpenStateAsync()).Resources.Single(r => r.Address.ToString() == "AccessRole.contact-center").Id;
        File.Delete(ws.StateFile);
        File.Delete(ws.BackupFile);

        var clean = await DriftAsync(ws, "--detailed-exitcode");
        clean.ExitCode.Should().Be(0, "every object matches a declaration by natural key: " + clean.All);

        await ws.SendAsync(HttpMethod.Patch, ws.OrgPath($"iam-roles/{roleId}"), new { description = "Edited in the console" });
        var drifted = await DriftAsync(ws, "--detailed-exitcode");
        drifted.ExitCode.Should().Be(2, drifted.All);
        drifted.Out.Should().Contain($"[info] AccessRole.contact-center ({roleId}): changed")
            .And.Contain("description: expected \"Holds the contact-center policy\", Bird has \"Edited in the console\"");
        File.Exists(ws.StateFile).Should().BeFalse("drift writes no state");
    }

    [Fact]
    public async Task DriftHistory_RecordsWhenDriftBeganAndTheFirstCleanRunAfter_AndNothingForOtherCleanRuns()
    {
        await using var ws = await StackWorkspace.CreateAsync(ScopedScenario);
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        await ws.LearnMintedSecretsAsync();
        var afterUp = (await DriftRecordsAsync(ws)).Count;
        (await DriftAsync(ws)).ExitCode.Should().Be(0);
        (await DriftRecordsAsync(ws)).Should().HaveCount(afterUp, "a clean run with no drift before it leaves no record");

        var roleId = (await ws.OpenStateAsync()).Resources.Single(r => r.Address.ToString() == "AccessRole.contact-center").Id;
        await ws.SendAsync(HttpMethod.Patch, ws.OrgPath($"iam-roles/{roleId}"), new { description = "Edited in the console" });
        (await DriftAsync(ws)).ExitCode.Should().Be(0);
        (await DriftAsync(ws)).ExitCode.Should().Be(0);
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        (await DriftAsync(ws)).ExitCode.Should().Be(0);
        (await DriftAsync(ws)).ExitCode.Should().Be(0);

        var records = (await DriftRecordsAsync(ws)).Where(r => r.GetProperty("command").GetString() == "drift").ToList();
        records.Should().HaveCount(3, "two runs that found the edited description, then the first clean run");
        records[0].GetProperty("findings").GetProperty("drifted").GetInt32().Should().Be(1);
        records[0].GetProperty("findings").GetProperty("clean").GetBoolean().Should().BeFalse();
        records[0].GetProperty("drift").EnumerateArray().Single().GetString().Should().Be($"AccessRole.contact-center ({roleId}): changed description, info");
        records[2].GetProperty("findings").GetProperty("clean").GetBoolean().Should().BeTrue();
        records[2].GetProperty("drift").EnumerateArray().Should().BeEmpty();
        var history = await File.ReadAllTextAsync(Path.Combine(ws.Root, ".birdinfra", "e2e", "history.jsonl"));
        ws.KnownSecrets.Should().AllSatisfy(secret => history.Should().NotContain(secret));
        (await ws.RunAsync("history", "--stack", "e2e")).Out.Should().Contain("no drift: Bird matches the stack again");
    }

    /// <summary>The stack's history records, oldest first (`history --json` prints them newest first).</summary>
    /// <summary>stacks/other.yaml: a second stack on the same organization, holding one policy, then <paramref name="more"/>.</summary>
    private static void WriteOtherStack(StackWorkspace ws, string more) =>
        File.WriteAllText(Path.Combine(ws.Root, "stacks", "other.yaml"), """
            target:
              endpoint: {{endpoint}}
              organizationId: { env: BIRD_ORGANIZATION_ID }
              workspaceId: { env: BIRD_WORKSPACE_ID }
              accessKey: { env: BIRD_ACCESS_KEY }

            accessPolicies:
              reader:
                name: other-reader
                definitions:
                  - effect: allow
                    actions: [view]
                    resources: [/workspaces/*/channels]
            """.Replace("{{endpoint}}", ws.Emulator.BaseUrl.ToString().TrimEnd('/'), StringComparison.Ordinal) + more + "\n");

    private static async Task<List<JsonElement>> DriftRecordsAsync(StackWorkspace ws)
    {
        var history = await ws.RunAsync("history", "--stack", "e2e", "--json");
        history.ExitCode.Should().Be(0, history.All);
        return [.. JsonDocument.Parse(history.Out).RootElement.EnumerateArray().Reverse()];
    }

    private static Task<CliRun> DriftAsync(StackWorkspace ws, params string[] args) =>
        ws.RunAsync(["drift", "--stack", "e2e", .. args]);
}
