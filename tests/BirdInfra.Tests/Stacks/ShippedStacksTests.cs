using BirdInfra.Stacks;
using BirdInfra.Stacks.Model;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Stacks;

/// <summary>The stacks shipped in stacks/ load without a single diagnostic and model the scenario.</summary>
public sealed class ShippedStacksTests
{
    private static readonly string[] ScenarioResources =
    [
        "create /workspaces/*/channels/*/messages",
        "create /workspaces/*/verify",
        "create /organizations/${organizationId}/workspaces/*/webhook-subscriptions",
        "view /workspaces/*/channels/*",
        "view /organizations/${organizationId}/workspaces/*/webhook-subscriptions",
        "delete /organizations/${organizationId}/workspaces/*/webhook-subscriptions/*",
    ];

    [Fact]
    public void Load_LocalStack_ValidatesWithNoEnvironmentVariables()
    {
        var result = StackLoader.Load(Path.Combine(RepositoryPaths.Stacks, "local.yaml"), TestEnvironments.Empty());

        result.Diagnostics.Should().BeEmpty();
        var stack = result.Stack!;
        stack.Name.Should().Be("local");
        stack.Target.Should().Be(new TargetDefinition(true, null, null, null, null, false));
        AssertScenario(stack, connectors: 1);
        stack.In("connectors").Single().Secret("accessToken").IsGenerated.Should().BeTrue();
        stack.In("webhookSubscriptions").Should().OnlyContain(w => w.Secret("signingKey").IsGenerated && w.Secret("signingKey").GeneratedLength == 32);
    }

    [Theory]
    [InlineData("dev", 1)]
    [InlineData("prod", 2)]
    public void Load_RealStack_ValidatesWithItsEnvironmentVariables(string name, int connectors)
    {
        var result = StackLoader.Load(Path.Combine(RepositoryPaths.Stacks, $"{name}.yaml"), TestEnvironments.With(TestEnvironments.RealFor(name)));

        result.Diagnostics.Should().BeEmpty();
        var stack = result.Stack!;
        stack.Target.UsesEmulator.Should().BeFalse();
        stack.Target.Endpoint.Should().Be("https://api.bird.com");
        stack.Target.OrganizationId!.EnvironmentVariable.Should().Be(TestEnvironments.ForStack("BIRD_ORGANIZATION_ID", name), "dev and prod name distinct variables, so they can run in one process");
        stack.Target.AccessKey!.EnvironmentVariable.Should().Be(TestEnvironments.ForStack("BIRD_ACCESS_KEY", name));
        stack.Target.AccessKey.ConfigKey.Should().Be("bird:accessKey", "the Pulumi provider reads its access key from bird:accessKey");
        AssertScenario(stack, connectors);
        stack.In("connectors").Should().OnlyContain(c => c.Secret("accessToken").EnvironmentVariable == TestEnvironments.ForStack("WHATSAPP_ACCESS_TOKEN", name));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Load_RealStackWithoutEnvironment_ReportsEachMissingVariable(string name)
    {
        var result = StackLoader.Load(Path.Combine(RepositoryPaths.Stacks, $"{name}.yaml"), TestEnvironments.Empty());

        result.Stack.Should().BeNull();
        result.Diagnostics.Should().OnlyContain(d => d.Code == "BI056");
        result.Diagnostics.Select(d => d.Message).Should().Contain(m => m.Contains(TestEnvironments.ForStack("BIRD_ACCESS_KEY", name)))
            .And.Contain(m => m.Contains(TestEnvironments.ForStack("WHATSAPP_ACCESS_TOKEN", name)))
            .And.Contain(m => m.Contains(TestEnvironments.ForStack("BIRD_ORGANIZATION_ID", name)));
    }

    [Fact]
    public void Load_RealStackInPulumiMode_AcceptsSecretsFromConfig()
    {
        var ids = TestEnvironments.RealFor("prod").Where(kv => kv.Key is "BIRD_PROD_ORGANIZATION_ID" or "BIRD_PROD_WORKSPACE_ID").ToDictionary();
        var result = StackLoader.Load(Path.Combine(RepositoryPaths.Stacks, "prod.yaml"), TestEnvironments.With(ids, hasConfig: _ => true));

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Load_RealStackWithoutSecretCheck_NeedsNoEnvironment()
    {
        var result = StackLoader.Load(Path.Combine(RepositoryPaths.Stacks, "prod.yaml"), TestEnvironments.Empty(checkSecrets: false));

        result.Diagnostics.Should().BeEmpty();
    }

    private static void AssertScenario(StackDefinition stack, int connectors)
    {
        var policy = stack.In("accessPolicies").Should().ContainSingle().Subject;
        var definitions = policy.Value("definitions").AsList().Select(d => d.AsMap()).ToList();
        definitions.Should().OnlyContain(d => d.GetString("effect") == "allow");
        definitions.SelectMany(d => d["actions"]!.AsList().SelectMany(a => d["resources"]!.AsList().Select(r => $"{a.AsString()} {r.AsString().Replace(EntryValues.Id, "${organizationId}", StringComparison.Ordinal)}")))
            .Should().BeEquivalentTo(ScenarioResources);
        var role = stack.In("accessRoles").Should().ContainSingle().Subject;
        role.References("policies").Should().Equal(policy.LogicalName);
        var key = stack.In("accessKeys").Should().ContainSingle().Subject;
        key.References("roleRefs").Should().Equal(role.LogicalName);
        key.Value("roleRefs").AsList().Single().AsMap()["workspaces"]!.AsList().Select(w => w.AsString()).Should().Equal([EntryValues.Id], "the key is scoped to ${workspaceId}");
        stack.In("connectors").Should().HaveCount(connectors);
        var webhooks = stack.In("webhookSubscriptions");
        webhooks.Where(w => w.Text("event") == "channel.created").Should().ContainSingle().Which.References("eventFilters").Should().BeEmpty();
        foreach (var connector in stack.In("connectors"))
        {
            webhooks.Where(w => w.References("eventFilters").Contains(connector.LogicalName)).Select(w => w.Text("event"))
                .Should().BeEquivalentTo("whatsapp.inbound", "whatsapp.outbound", "whatsapp.interaction");
        }

        webhooks.Should().OnlyContain(w => w.Text("service") == "channels" && w.Text("status") == "active");
    }
}
