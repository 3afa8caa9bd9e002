using System.Net;
using System.Text.Json;
using BirdInfra.Emulator.Configuration;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>
/// Day one with a customer configured by hand: `export` → stack file → `validate` → `import` → `preview` → `up`, against
/// a Bird built through its API. Nothing is replaced or duplicated; the contact center keeps its token and its channels.
/// </summary>
public sealed class AdoptionTests
{
    private static readonly string[] ConnectorNames = ["acme-whatsapp-31612345678", "acme-whatsapp-31687654321"];

    [Fact]
    public async Task HandBuiltSetup_ExportValidateImportPreviewUp_OwnsTheHandMadeObjects_WithoutOneMutatingCall()
    {
        await using var ws = await WorkspaceAsync();
        var hand = await HandBuiltSetup.CreateAsync(ws);
        await ws.ResetCallLogAsync();

        var export = await ws.RunAsync("export", "--stack", "e2e");
        export.ExitCode.Should().Be(0, export.All);
        (await ws.RunAsync("export", "--stack", "e2e")).Out.Should().Be(export.Out, "exporting the same Bird twice prints the same file");
        export.Error.Should().Contain("set WHATSAPP_ACCESS_TOKEN, BIRD_WEBHOOK_SIGNING_KEY");
        ws.WriteStack(export.Out);

        var validate = await ws.RunAsync("validate", "--stack", "e2e");
        validate.ExitCode.Should().Be(0, validate.All + export.Out);

        var import = await ws.RunAsync("import", "--stack", "e2e", "--yes");
        import.ExitCode.Should().Be(0, import.All);
        import.Out.Should().Contain("9 to adopt, 0 not found, 0 ambiguous.");
        foreach (var connector in hand.Connectors)
        {
            import.Out.Should().Contain(connector.ConnectorId);
        }

        (await ws.MutatingCallsAsync()).Should().BeEmpty("export and import only read Bird");

        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode");
        preview.ExitCode.Should().Be(0, "an unknown write-only secret is no change: " + preview.All);

        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
        (await ws.MutatingCallsAsync()).Should().BeEmpty("up after import has nothing to do");

        var (_, state) = await BirdInfra.State.StateStore.OpenAsync(ws.StateFile, "e2e", StackWorkspace.Passphrase, CancellationToken.None);
        state.Resources.GroupBy(r => r.Address.Kind).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToHashSet())
            .Should().BeEquivalentTo(hand.IdsByKind.ToDictionary(kv => kv.Key, kv => kv.Value.ToHashSet()), "state owns exactly the hand-made objects");
        (await ws.StatusWithKeyAsync(hand.Token, HttpMethod.Get, ws.WorkspacePath($"channels/{hand.Connectors[0].ChannelId}")))
            .Should().Be(HttpStatusCode.OK, "the hand-made key, never replaced, still authenticates");

        var output = await ws.RunAsync("output", "--stack", "e2e", "--json");
        output.ExitCode.Should().Be(0, output.All);
        var channels = JsonDocument.Parse(output.Out).RootElement.GetProperty("channelIds");
        ConnectorNames.Select(n => channels.GetProperty(n).GetString()).Should().Equal(hand.Connectors.Select(c => c.ChannelId));
        JsonDocument.Parse(output.Out).RootElement.GetProperty("accessKeyTokens").GetProperty("ucx-contact-center").ValueKind.Should().Be(JsonValueKind.Null);
        output.Error.Should().Contain("(unknown: created outside BirdInfra)");
        (await ws.RunAsync("output", "--stack", "e2e", "accessKeyTokens", "--show-secrets")).Out
            .Should().Be($"ucx-contact-center: (unknown: created outside BirdInfra){Environment.NewLine}", "an imported key's token was never seen");

        foreach (var run in new[] { export, validate, import, preview, up, output })
        {
            ws.KnownSecrets.Where(run.All.Contains).Should().BeEmpty("no command prints a secret without --show-secrets");
        }

        foreach (var file in Directory.GetFiles(Path.Combine(ws.Root, ".birdinfra"), "*", SearchOption.AllDirectories))
        {
            ws.KnownSecrets.Where(File.ReadAllText(file).Contains).Should().BeEmpty($"{file} holds no plaintext secret");
        }
    }

    [Fact]
    public async Task Export_WritesReferencesByLogicalName_VariablesBack_AndSecretsAsEnvironmentVariables()
    {
        await using var ws = await WorkspaceAsync();
        var hand = await HandBuiltSetup.CreateAsync(ws);

        var export = await ws.RunAsync("export", "--stack", "e2e");

        export.ExitCode.Should().Be(0, export.All);
        var text = export.Out;
        text.Should().Contain("accessRoles:\n  ucx-contact-center:\n    description: Holds the contact-center policy\n    policies: [ucx-contact-center]\n");
        text.Should().Contain("    roles: [ucx-contact-center]\n    workspaces: [\"${workspaceId}\"]\n");
        text.Should().Contain("\"/organizations/${organizationId}/workspaces/*/webhook-subscriptions/*\"").And.NotContain(ws.Emulator.OrganizationId + "/");
        text.Should().Contain($"  acme-whatsapp-31687654321-whatsapp-inbound:\n    event: whatsapp.inbound\n    url: https://contact-center.example.com/bird/whatsapp\n    channel: acme-whatsapp-31687654321\n");
        text.Should().Contain("    accessToken: { env: WHATSAPP_ACCESS_TOKEN }  # Bird never returns it");
        text.Should().Contain("    signingKey: { env: BIRD_WEBHOOK_SIGNING_KEY }  # Bird never returns it");
        text.Should().Contain("    name: ACME WhatsApp +31612345678\n", "a Bird name that is not a logical name is kept as name:");
        text.Should().NotContain(hand.Connectors[0].ChannelId, "a subscription's channel is written as its connector's logical name");
        ws.KnownSecrets.Where(export.All.Contains).Should().BeEmpty();
    }

    [Fact]
    public async Task AfterImport_AnEditedDescription_IsOneUpdate_AndAnUndeclaredMatch_IsCreatedByUp()
    {
        await using var ws = await WorkspaceAsync();
        var hand = await HandBuiltSetup.CreateAsync(ws);
        var export = await ws.RunAsync("export", "--stack", "e2e");
        ws.WriteStack(export.Out);
        ws.EditStack("    description: Holds the contact-center policy", "    description: Holds the contact-center policy (reviewed)");
        ws.EditStack("connectors:\n", "connectors:\n  third-number:\n    wabaId: \"102290129340398\"\n    phoneId: \"106540352242929\"\n    phoneNumber: \"+31600000003\"\n    accessToken: { env: WHATSAPP_ACCESS_TOKEN }\n");
        await ws.ResetCallLogAsync();

        var import = await ws.RunAsync("import", "--stack", "e2e", "--yes");
        import.ExitCode.Should().Be(0, import.All);
        import.Out.Should().Contain("9 to adopt, 1 not found, 0 ambiguous.").And.MatchRegex(@"not found\s+Connector\.third-number\s+\(`up` will create it\)");
        (await ws.MutatingCallsAsync()).Should().BeEmpty();

        var preview = await ws.RunAsync("preview", "--stack", "e2e", "--json");
        preview.ExitCode.Should().Be(0, preview.All);
        var changes = JsonDocument.Parse(preview.Out).RootElement.GetProperty("resources").EnumerateArray()
            .Where(c => c.GetProperty("action").GetString() != "same")
            .Select(c => $"{c.GetProperty("action").GetString()} {c.GetProperty("kind").GetString()}.{c.GetProperty("name").GetString()}")
            .ToList();
        changes.Should().BeEquivalentTo(["update AccessRole.ucx-contact-center", "create Connector.third-number"]);

        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
        (await ws.MutatingCallsAsync()).Select(c => $"{c.Method} {c.Path}").Should().BeEquivalentTo(
            [$"PATCH {ws.OrgPath($"iam-roles/{hand.RoleId}")}", $"POST {ws.WorkspacePath("connectors")}"]);
    }

    [Fact]
    public async Task Import_RefusesADeclarationMatchingSeveralBirdObjects_NamingThem_AndRecordsNothing()
    {
        await using var ws = await WorkspaceAsync();
        var hand = await HandBuiltSetup.CreateAsync(ws);
        ws.WriteStack((await ws.RunAsync("export", "--stack", "e2e")).Out);
        var copy = await ws.PostAsync(ws.OrgPath("iam-policies"), HandBuiltSetup.Policy(ws.Emulator.OrganizationId));
        var copyId = copy.GetProperty("id").GetString()!;
        await ws.ResetCallLogAsync();

        var import = await ws.RunAsync("import", "--stack", "e2e", "--yes");

        import.ExitCode.Should().Be(1, import.All);
        import.Error.Should().Contain($"error: AccessPolicy.ucx-contact-center matches 2 Bird objects with the same natural key (ucx-contact-center): {string.Join(", ", new[] { hand.PolicyId, copyId }.Order(StringComparer.Ordinal))}.");
        import.Error.Should().Contain("Nothing was imported.");
        (await ws.MutatingCallsAsync()).Should().BeEmpty();
        var (_, state) = await BirdInfra.State.StateStore.OpenAsync(ws.StateFile, "e2e", StackWorkspace.Passphrase, CancellationToken.None);
        state.Resources.Should().BeEmpty("an ambiguous import records nothing");
    }

    [Fact]
    public async Task Import_OfAStackWhoseGuardsProtectKeysAndConnectors_AdoptsThem_AndUpLeavesThemAlone()
    {
        await using var ws = await WorkspaceAsync();
        var hand = await HandBuiltSetup.CreateAsync(ws);
        ws.WriteStack((await ws.RunAsync("export", "--stack", "e2e")).Out + "\nguards:\n  protect: [accessKeys, connectors]\n  maxDestructiveChanges: 0\n");
        await ws.ResetCallLogAsync();

        var import = await ws.RunAsync("import", "--stack", "e2e", "--yes");
        var up = await ws.RunAsync("up", "--stack", "e2e", "--yes");

        import.ExitCode.Should().Be(0, import.All);
        import.Out.Should().Contain($"AccessKey.ucx-contact-center").And.Contain(hand.KeyId);
        up.ExitCode.Should().Be(0, up.All);
        (await ws.MutatingCallsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task OutputShowSecrets_AfterUp_GivesATokenAllowedExactlyWhatThePolicyGrants()
    {
        await using var ws = await StackWorkspace.CreateAsync(configure: NoChannelDelay);
        (await ws.RunAsync("up", "--stack", "e2e", "--yes")).ExitCode.Should().Be(0);
        var outputs = JsonDocument.Parse((await ws.RunAsync("output", "--stack", "e2e", "--json", "--show-secrets")).Out).RootElement;
        var token = outputs.GetProperty("accessKeyTokens").GetProperty("contact-center").GetString()!;
        var channel = outputs.GetProperty("channelIds").GetProperty("main-number").GetString()!;
        var connector = outputs.GetProperty("connectorIds").GetProperty("main-number").GetString()!;
        var message = new
        {
            receiver = new { contacts = new[] { new { identifierKey = "phonenumber", identifierValue = "+31612345678" } } },
            body = new { type = "text", text = new { text = "Hello" } },
        };

        (await ws.StatusWithKeyAsync(token, HttpMethod.Post, ws.WorkspacePath($"channels/{channel}/messages"), message))
            .Should().Be(HttpStatusCode.Accepted, "the policy allows creating messages on channels");
        (await ws.StatusWithKeyAsync(token, HttpMethod.Delete, ws.WorkspacePath($"connectors/{connector}")))
            .Should().Be(HttpStatusCode.Forbidden, "the policy grants nothing on connectors");
        (await ws.GetAsync(ws.WorkspacePath($"connectors/{connector}"))).GetProperty("id").GetString().Should().Be(connector);
    }

    [Fact]
    public async Task Help_ListsOutputExportAndImport()
    {
        await using var ws = await StackWorkspace.CreateAsync();

        var help = await ws.RunAsync("--help");

        help.ExitCode.Should().Be(0);
        help.Out.Should().MatchRegex(@"\n  output <OUTPUT>\s+Print the stack's outputs").And.MatchRegex(@"\n  export\s+Print a stack file").And.MatchRegex(@"\n  import\s+Record the Bird objects");
        (await ws.RunAsync("import", "--help")).Out.Should().Contain("--yes");
    }

    private static EmulatorOptions NoChannelDelay(EmulatorOptions options) => options with { ChannelDelay = TimeSpan.Zero };

    private static Task<StackWorkspace> WorkspaceAsync() => StackWorkspace.CreateAsync(HandBuiltSetup.StackTargetOnly, configure: NoChannelDelay);
}
