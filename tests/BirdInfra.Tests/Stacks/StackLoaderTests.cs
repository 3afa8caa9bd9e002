using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.StackFiles;
using BirdInfra.Providers.StackFiles.ValueSources;
using BirdInfra.Stacks;
using BirdInfra.Stacks.Model;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Stacks;

/// <summary>What the loader builds from a valid file, and how it reports several problems at once.</summary>
public sealed class StackLoaderTests
{
    private const string Emulator = "target:\n  endpoint: emulator\n";

    [Fact]
    public void Load_FileWithSeveralProblems_ReportsEveryOneInFileOrder()
    {
        const string yaml = Emulator + """
            accessPolicies:
              cc:
                definitions:
                  - { effect: permit, actions: [view, read], resources: [channels] }
            accessRoles:
              cc:
                policies: [c]
            connectors:
              main:
                wabaId: 1
                phoneId: 2
                phoneNumber: "0612"
                accessToken: token-in-clear
                colour: green
            """;

        var result = Load(yaml);

        result.Stack.Should().BeNull();
        result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.YamlPath)).Should().Equal(
            ("BI072", 6, "accessPolicies.cc.definitions[0].effect"),
            ("BI073", 6, "accessPolicies.cc.definitions[0].actions[1]"),
            ("BI074", 6, "accessPolicies.cc.definitions[0].resources[0]"),
            ("BI035", 9, "accessRoles.cc.policies[0]"),
            ("BI075", 14, "connectors.main.phoneNumber"),
            ("BI050", 15, "connectors.main.accessToken"),
            ("BI021", 16, "connectors.main.colour"));
        result.Diagnostics.Should().OnlyContain(d => d.Location.File == "stacks/test.yaml");
        result.Diagnostics.Single(d => d.Code == "BI035").Hint.Should().Contain("Did you mean 'cc'?");
        result.Diagnostics.Single(d => d.Code == "BI050").ToString().Should().NotContain("token-in-clear");
    }

    [Fact]
    public void Load_EmptyStack_IsValid()
    {
        var result = Load(Emulator);

        result.Diagnostics.Should().BeEmpty();
        result.Stack!.Resources.Should().BeEmpty();
    }

    [Fact]
    public void Load_DoubleStarWithoutItsParent_WarnsButLoads()
    {
        const string yaml = Emulator + """
            accessPolicies:
              cc:
                definitions:
                  - effect: allow
                    actions: [view, create]
                    resources:
                      - /workspaces/*/channels/**
                      - /organizations/${organizationId}/workspaces/*/webhook-subscriptions/**
                  - effect: allow
                    actions: [view]
                    resources: [/workspaces/*/channels]
            """;

        var result = Load(yaml);

        result.Stack.Should().NotBeNull("a warning is not a problem");
        var warnings = result.Diagnostics.ToList();
        warnings.Should().HaveCount(2).And.OnlyContain(d => d.Severity == DiagnosticSeverity.Warning && d.Code == "BI089");
        warnings.Select(d => d.YamlPath).Should().Equal("accessPolicies.cc.definitions[0].resources[0]", "accessPolicies.cc.definitions[0].resources[1]");
        warnings[0].Message.Should().EndWith("covers it for create.", "view on /workspaces/*/channels is covered, create is not");
        warnings[0].ToString().Should().Contain("stacks/test.yaml:9:13:").And.Contain(": warning BI089: ");
        warnings[1].Hint.Should().Contain("add '/organizations/${organizationId}/workspaces/*/webhook-subscriptions'");
    }

    [Theory]
    [InlineData("[/workspaces/*/channels/**, /workspaces/*/channels]", "[view]")]
    [InlineData("[/workspaces/*/channels/**, /workspaces/*/*]", "[view]")]
    [InlineData("[/workspaces/*/channels/**, /workspaces/**, /workspaces]", "[any]")]
    [InlineData("[/**]", "[view]")]
    public void Load_DoubleStarWithItsParentCovered_HasNoDiagnostic(string resources, string actions)
    {
        var yaml = Emulator + $"""
            accessPolicies:
              cc:
                definitions:
                  - effect: allow
                    actions: {actions}
                    resources: {resources}
            """;

        Load(yaml).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Load_UnquotedIds_KeepTheirExactText()
    {
        const string yaml = Emulator + """
            connectors:
              main:
                wabaId: 0102290129340398
                phoneId: 106540352242922
                phoneNumber: +31612345678
                accessToken: { generate: true }
            """;

        var connector = Load(yaml).Stack!.In("connectors").Single();

        connector.Text("wabaId").Should().Be("0102290129340398");
        connector.Text("phoneId").Should().Be("106540352242922");
        connector.Text("phoneNumber").Should().Be("+31612345678");
    }

    [Fact]
    public void Load_Declarations_FillDefaultsAndKeepLocations()
    {
        const string yaml = Emulator + """
            connectors:
              main:
                wabaId: "1"
                phoneId: "2"
                phoneNumber: "+31612345678"
                accessToken: { generate: true, length: 64 }
            webhookSubscriptions:
              inbound:
                event: whatsapp.inbound
                url: https://cc.example.com/bird
                channel: main
                eventFilters: [{ key: channelId, value: 5d2c0e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a }]
                signingKey: { env: SIGNING_KEY }
            """;

        var environment = TestEnvironments.With(new Dictionary<string, string> { ["SIGNING_KEY"] = "k" });
        var result = StackLoader.Load(System.Text.Encoding.UTF8.GetBytes(yaml), "stacks/test.yaml", environment);

        result.Diagnostics.Select(d => d.Code).Should().Equal("BI085");
        var fixedYaml = yaml.Replace("    eventFilters: [{ key: channelId, value: 5d2c0e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a }]\n", string.Empty, StringComparison.Ordinal);
        var stack = StackLoader.Load(System.Text.Encoding.UTF8.GetBytes(fixedYaml), "stacks/test.yaml", environment).Stack!;
        var connector = stack.In("connectors").Single();
        connector.Text("name").Should().Be("main");
        connector.Text("connectorTemplateRef").Should().Be("whatsapp:1");
        connector.Secret("accessToken").GeneratedLength.Should().Be(64);
        connector.Location.Should().Be(new BirdInfra.Providers.Diagnostics.SourceLocation("stacks/test.yaml", 4, 3));
        var webhook = stack.In("webhookSubscriptions").Single();
        webhook.Text("service").Should().Be("channels");
        webhook.Text("status").Should().Be("active");
        webhook.References("eventFilters").Should().Equal("main");
        webhook.NodeFor("eventFilters[0]")!.Line.Should().Be(13, "the channel: line is where the channelId filter comes from");
        webhook.Secret("signingKey").EnvironmentVariable.Should().Be("SIGNING_KEY");
        webhook.Secret("signingKey").ToString().Should().Be("{ env: SIGNING_KEY }");
    }

    [Fact]
    public void Load_SecretWithConfigKey_IsNotMissingWhenPulumiConfigHasIt()
    {
        const string yaml = "target:\n  endpoint: https://api.bird.com\n  organizationId: 6f0c1c9e-5d7b-4d8e-9a0b-1c2d3e4f5a6b\n"
            + "  workspaceId: 3b1e2c4d-6e8f-4a0b-8c1d-2e3f4a5b6c7d\n  accessKey: { env: BIRD_ACCESS_KEY, config: accessKey }\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(yaml);

        StackLoader.Load(bytes, "stacks/p.yaml", TestEnvironments.Empty()).Diagnostics.Select(d => d.Code).Should().Equal("BI056");
        StackLoader.Load(bytes, "stacks/p.yaml", new StackLoadOptions(_ => null, true, key => key == "accessKey") { Kinds = BirdKinds.Default }).Diagnostics.Should().BeEmpty();
        var stack = StackLoader.Load(bytes, "stacks/p.yaml", TestEnvironments.Empty(checkSecrets: false)).Stack!;
        stack.Target.OrganizationId!.Literal.Should().Be("6f0c1c9e-5d7b-4d8e-9a0b-1c2d3e4f5a6b");
        stack.Target.AccessKey!.ConfigKey.Should().Be("accessKey");
    }

    [Theory]
    [InlineData("/organizations/${organizationId}/workspaces/*", "/organizations/org-1/workspaces/*")]
    [InlineData("${workspaceId}", "ws-1")]
    [InlineData("/workspaces/${workspaceId}/x/${workspaceId}", "/workspaces/ws-1/x/ws-1")]
    [InlineData("/workspaces/*/channels", "/workspaces/*/channels")]
    public void Interpolate_ReplacesTheTwoVariables(string raw, string expected)
    {
        StackInterpolation.Interpolate(raw, "org-1", "ws-1").Should().Be(expected);
    }

    [Fact]
    public void Interpolate_UnvalidatedVariable_IsABug()
    {
        var act = () => StackInterpolation.Interpolate("/x/${secret}", "o", "w");

        act.Should().Throw<ArgumentException>();
    }

    private static StackLoadResult Load(string yaml) =>
        StackLoader.Load(System.Text.Encoding.UTF8.GetBytes(yaml), "stacks/test.yaml", TestEnvironments.Empty());
}
