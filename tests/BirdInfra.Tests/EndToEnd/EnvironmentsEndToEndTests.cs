using System.Text.Json;
using BirdInfra.Tests.Stacks;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>Environments against the emulator: the base/overlay split changes nothing in Bird, and many stacks preview in one run.</summary>
public sealed class EnvironmentsEndToEndTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Preview_AfterTheSplitIntoBaseAndOverlay_ShowsNoChangeAgainstStateMadeBefore(string name)
    {
        // Scenario: the stack as it was before the split is applied; the overlay and base that replace it then preview no change.
        await using var ws = await StackWorkspace.CreateAsync();
        var endpoint = ws.Emulator.BaseUrl.ToString().TrimEnd('/');
        foreach (var variable in new[] { "BIRD_ORGANIZATION_ID", "BIRD_WORKSPACE_ID", "BIRD_ACCESS_KEY", "WHATSAPP_ACCESS_TOKEN", "BIRD_WEBHOOK_SIGNING_KEY" })
        {
            ws.Environment[TestEnvironments.ForStack(variable, name)] = ws.Environment[variable];
        }

        var stacks = Path.Combine(ws.Root, "stacks");
        var before = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "BirdInfra.Tests", "Stacks", "Fixtures", $"{name}-before-base.yaml"));
        File.WriteAllText(Path.Combine(stacks, $"{name}.yaml"), before.Replace("https://api.bird.com", endpoint, StringComparison.Ordinal));
        var up = await ws.RunAsync("up", "--stack", name, "--yes");
        up.ExitCode.Should().Be(0, up.All);

        File.WriteAllText(Path.Combine(stacks, "base.yaml"), File.ReadAllText(Path.Combine(RepositoryPaths.Stacks, "base.yaml")).Replace("https://api.bird.com", endpoint, StringComparison.Ordinal));
        File.Copy(Path.Combine(RepositoryPaths.Stacks, $"{name}.yaml"), Path.Combine(stacks, $"{name}.yaml"), overwrite: true);
        await ws.ResetCallLogAsync();
        var preview = await ws.RunAsync("preview", "--stack", name, "--detailed-exitcode");

        preview.ExitCode.Should().Be(0, preview.All);
        preview.Out.Should().Contain("0 to create, 0 to update, 0 to replace, 0 to delete");
        (await ws.MutatingCallsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task PreviewAll_RunsEveryStackButBases_GroupsOutputAndSummarises()
    {
        // Scenario: e2e is applied; a and b extend shared.yaml (not a stack) and are new; broken does not load.
        await using var ws = await StackWorkspace.CreateAsync();
        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
        var stacks = Path.Combine(ws.Root, "stacks");
        File.WriteAllText(Path.Combine(stacks, "shared.yaml"), File.ReadAllText(ws.StackFile).Replace("name: ucx-contact-center", "name: ucx-shared", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(stacks, "a.yaml"), "extends: shared.yaml\naccessPolicies: { contact-center: { name: ucx-a } }\n");
        File.WriteAllText(Path.Combine(stacks, "b.yaml"), "extends: shared.yaml\naccessPolicies: { contact-center: { name: ucx-b } }\n");
        File.WriteAllText(Path.Combine(stacks, "broken.yaml"), "extends: shared.yaml\naccessRoles: { contact-center: { policies: [nope] } }\n");
        await ws.ResetCallLogAsync();

        var text = await ws.RunAsync("preview", "--all", "--detailed-exitcode");
        var json = await ws.RunAsync("preview", "--stacks", "?", "--json", "--detailed-exitcode");
        var onlyApplied = await ws.RunAsync("preview", "--stacks", "e2e", "--detailed-exitcode");

        text.ExitCode.Should().Be(1, "broken gave 1, which wins over the 2 of a and b");
        text.Out.Should().Contain("=== a ===").And.Contain("=== e2e ===").And.NotContain("=== shared ===");
        text.Error.Should().Contain("=== broken ===").And.Contain("error BI035");
        json.ExitCode.Should().Be(2, json.All);
        var document = JsonDocument.Parse(json.Out).RootElement;
        document.GetProperty("stacks").EnumerateObject().Select(p => p.Name).Should().Equal("a", "b");
        var creates = document.GetProperty("stacks").GetProperty("a").GetProperty("summary").GetProperty("create").GetInt32();
        creates.Should().BeGreaterThan(0);
        document.GetProperty("summary").EnumerateArray().Select(r => (r.GetProperty("exitCode").GetInt32(), r.GetProperty("create").GetInt32())).Should().Equal((2, creates), (2, creates));
        var table = text.Out[text.Out.LastIndexOf("stack", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        table.Should().Equal(
            "stack exit create update replace delete",
            $"a 2 {creates} 0 0 0",
            $"b 2 {creates} 0 0 0",
            "broken 1",
            "e2e 0 0 0 0 0");
        onlyApplied.ExitCode.Should().Be(0, onlyApplied.All);
        (await ws.MutatingCallsAsync()).Should().BeEmpty("preview only reads Bird");
    }

    [Fact]
    public async Task CompareLive_AfterUpOfBothStacks_AgreesWithTheDeclaredComparison()
    {
        // Scenario: the e2e scenario becomes a base; left and right extend it (right with its own names, number and URL, which it expects to differ); both are applied.
        await using var ws = await StackWorkspace.CreateAsync();
        var stacks = Path.Combine(ws.Root, "stacks");
        File.Move(ws.StackFile, Path.Combine(stacks, "shared.yaml"));
        File.WriteAllText(Path.Combine(stacks, "left.yaml"), "extends: shared.yaml\n");
        File.WriteAllText(Path.Combine(stacks, "right.yaml"), """
            extends: shared.yaml
            compare:
              expect: [accessPolicies.*.name, accessRoles.*.name, accessKeys.*.name, connectors.*.name, connectors.*.phoneId, connectors.*.phoneNumber, webhookSubscriptions.channel-created.url]
            accessPolicies: { contact-center: { name: ucx-right } }
            accessRoles: { contact-center: { name: ucx-right } }
            accessKeys: { contact-center: { name: ucx-right } }
            connectors: { main-number: { name: ACME right, phoneId: "106540352242923", phoneNumber: "+31201234567" } }
            webhookSubscriptions: { channel-created: { url: https://right.example.com/bird/channels } }
            """);
        foreach (var stack in new[] { "left", "right" })
        {
            var up = await ws.RunAsync("up", "--stack", stack, "--yes");
            up.ExitCode.Should().Be(0, up.All);
        }

        await ws.ResetCallLogAsync();
        var declared = await ws.RunAsync("compare", "--stack", "left", "--with", "right", "--json", "--detailed-exitcode");
        var live = await ws.RunAsync("compare", "--stack", "left", "--with", "right", "--live", "--json", "--detailed-exitcode");

        declared.ExitCode.Should().Be(0, declared.All);
        live.ExitCode.Should().Be(0, live.All);
        Differences(live.Out).Should().BeEquivalentTo(Differences(declared.Out), "Bird holds what the two stacks declare");
        Differences(live.Out).Should().Contain(("Connector.main-number", "phoneNumber", true));
        (await ws.MutatingCallsAsync()).Should().BeEmpty("compare --live only reads both targets");

        // One change made outside BirdInfra: only the live comparison sees it, unexpected, named by address and property.
        var roleId = (await ws.ListAsync(ws.OrgPath("iam-roles"))).Single(r => r.GetProperty("name").GetString() == "ucx-right").GetProperty("id").GetString();
        await ws.SendAsync(HttpMethod.Patch, ws.OrgPath($"iam-roles/{roleId}"), new { description = "edited in the console" });
        var drifted = await ws.RunAsync("compare", "--stack", "left", "--with", "right", "--live", "--detailed-exitcode");

        drifted.ExitCode.Should().Be(2, drifted.All);
        drifted.Out.Should().Contain("~ AccessRole.contact-center").And.Contain("description: \"Holds the contact-center policy\" → \"edited in the console\"\n");
    }

    [Fact]
    public async Task ExportWithBase_WritesOnlyWhatDiffers_AndLoadsAsTheFullExport()
    {
        // Scenario: a hand-built setup is exported in full; a base made from that export, one description edited, is
        // then the base of `export --base`: the overlay holds extends and that one description.
        await using var ws = await StackWorkspace.CreateAsync(HandBuiltSetup.StackTargetOnly);
        await HandBuiltSetup.CreateAsync(ws);
        var full = await ws.RunAsync("export", "--stack", "e2e");
        full.ExitCode.Should().Be(0, full.All);
        var stacks = Path.Combine(ws.Root, "stacks");
        var role = full.Out[full.Out.IndexOf("accessRoles:", StringComparison.Ordinal)..];
        var description = role[role.IndexOf("description: ", StringComparison.Ordinal)..].Split('\n')[0];
        File.WriteAllText(Path.Combine(stacks, "shared.yaml"), full.Out.Replace(role, role.Replace(description, "description: an older text", StringComparison.Ordinal), StringComparison.Ordinal));
        await ws.ResetCallLogAsync();

        var overlay = await ws.RunAsync("export", "--stack", "e2e", "--base", Path.Combine(stacks, "shared.yaml"));

        overlay.ExitCode.Should().Be(0, overlay.All);
        overlay.Out.Should().StartWith("extends: shared.yaml\n").And.Contain(description).And.NotContain("connectors:").And.NotContain("definitions:");
        File.WriteAllText(Path.Combine(stacks, "full.yaml"), full.Out);
        File.WriteAllText(Path.Combine(stacks, "overlay.yaml"), overlay.Out);
        var compare = await ws.RunAsync("compare", "--stack", "full", "--with", "overlay", "--detailed-exitcode");
        compare.ExitCode.Should().Be(0, compare.All + overlay.Out);
        compare.Out.Should().Contain("0 unexpected, 0 expected", "the overlay and its base declare exactly the full export");
        (await ws.MutatingCallsAsync()).Should().BeEmpty();
    }

    private static List<(string Address, string Path, bool Expected)> Differences(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("differences").EnumerateArray()
            .Select(d => (d.GetProperty("address").GetString()!, d.GetProperty("path").GetString()!, d.GetProperty("expected").GetBoolean()))];

    [Fact]
    public async Task ManyStacks_NeedExactlyOneSelection_AndOutTakesOneStack()
    {
        await using var ws = await StackWorkspace.CreateAsync();

        var both = await ws.RunAsync("validate", "--stack", "e2e", "--all");
        var none = await ws.RunAsync("output");
        var outMany = await ws.RunAsync("preview", "--all", "--out", "plan.json");

        both.ExitCode.Should().Be(1);
        both.Error.Should().Contain("Give exactly one of --stack NAME, --stacks GLOB or --all.");
        none.ExitCode.Should().Be(1);
        outMany.ExitCode.Should().Be(1);
        outMany.Error.Should().Contain("--out saves the plan of one stack");
    }
}
