using BirdInfra.Stacks;
using BirdInfra.Stacks.Model;

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
        stack.Connectors.Single().AccessToken.IsGenerated.Should().BeTrue();
        stack.WebhookSubscriptions.Should().OnlyContain(w => w.SigningKey.IsGenerated && w.SigningKey.GeneratedLength == 32);
    }

    [Theory]
    [InlineData("dev", 1)]
    [InlineData("prod", 2)]
    public void Load_RealStack_ValidatesWithItsEnvironmentVariables(string name, int connectors)
    {
        var result = StackLoader.Load(Path.Combine(RepositoryPaths.Stacks, $"{name}.yaml"), TestEnvironments.With(TestEnvironments.Real));

        result.Diagnostics.Should().BeEmpty();
        var stack = result.Stack!;
        stack.Target.UsesEmulator.Should().BeFalse();
        stack.Target.Endpoint.Should().Be("https://api.bird.com");
        stack.Target.OrganizationId!.EnvironmentVariable.Should().Be("BIRD_ORGANIZATION_ID");
        stack.Target.AccessKey!.EnvironmentVariable.Should().Be("BIRD_ACCESS_KEY");
        stack.Target.AccessKey.ConfigKey.Should().Be("bird:accessKey", "the Pulumi provider reads its access key from bird:accessKey");
        AssertScenario(stack, connectors);
        stack.Connectors.Should().OnlyContain(c => c.AccessToken.EnvironmentVariable == "WHATSAPP_ACCESS_TOKEN");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Load_RealStackWithoutEnvironment_ReportsEachMissingVariable(string name)
    {
        var result = StackLoader.Load(Path.Combine(RepositoryPaths.Stacks, $"{name}.yaml"), TestEnvironments.Empty());

        result.Stack.Should().BeNull();
        result.Diagnostics.Should().OnlyContain(d => d.Code == "BI056");
        result.Diagnostics.Select(d => d.Message).Should().Contain(m => m.Contains("BIRD_ACCESS_KEY"))
            .And.Contain(m => m.Contains("WHATSAPP_ACCESS_TOKEN"))
            .And.Contain(m => m.Contains("BIRD_ORGANIZATION_ID"));
    }

    [Fact]
    public void Load_RealStackInPulumiMode_AcceptsSecretsFromConfig()
    {
        var ids = TestEnvironments.Real.Where(kv => kv.Key is "BIRD_ORGANIZATION_ID" or "BIRD_WORKSPACE_ID").ToDictionary();
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
        var policy = stack.AccessPolicies.Should().ContainSingle().Subject;
        policy.Definitions.Should().OnlyContain(d => d.Effect == "allow");
        policy.Definitions.SelectMany(d => d.Actions.SelectMany(a => d.Resources.Select(r => $"{a} {r}")))
            .Should().BeEquivalentTo(ScenarioResources);
        stack.AccessRoles.Should().ContainSingle().Which.Policies.Select(p => p.Name).Should().Equal(policy.LogicalName);
        var key = stack.AccessKeys.Should().ContainSingle().Subject;
        key.Roles.Select(r => r.Name).Should().Equal(stack.AccessRoles[0].LogicalName);
        key.Workspaces.Should().Equal("${workspaceId}");
        stack.Connectors.Should().HaveCount(connectors);
        stack.WebhookSubscriptions.Where(w => w.Event == "channel.created").Should().ContainSingle().Which.Channel.Should().BeNull();
        foreach (var connector in stack.Connectors)
        {
            stack.WebhookSubscriptions.Where(w => w.Channel?.Name == connector.LogicalName).Select(w => w.Event)
                .Should().BeEquivalentTo("whatsapp.inbound", "whatsapp.outbound", "whatsapp.interaction");
        }

        stack.WebhookSubscriptions.Should().OnlyContain(w => w.Service == "channels" && w.Status == "active");
    }
}
