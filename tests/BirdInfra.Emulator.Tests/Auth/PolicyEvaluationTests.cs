using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Auth;

/// <summary>Deny wins, method → action mapping, wildcards and workspace-restricted role references, over HTTP.</summary>
public sealed class PolicyEvaluationTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task ExplicitDeny_WinsOverAllow()
    {
        var policy = await f.CreatePolicyAsync(
            new { effect = "allow", actions = new[] { "any" }, resources = new[] { "/workspaces/**" } },
            new { effect = "deny", actions = new[] { "delete" }, resources = new[] { "/workspaces/*/connectors/*" } });
        var key = f.As(await f.CreateKeyAsync(await f.CreateRoleAsync(policy)));
        var connectorId = (await f.CreateConnectorAsync())["id"]!.GetValue<string>();

        (await key.GetAsync($"workspaces/{f.Ws}/connectors/{connectorId}")).ShouldBe(200);
        (await key.DeleteAsync($"workspaces/{f.Ws}/connectors/{connectorId}")).ShouldBeError(403, "Forbidden");
    }

    [Fact]
    public async Task DoubleStar_MatchesChildPathsButNotThePathItself_SingleStarOneSegment()
    {
        var policy = await f.CreatePolicyAsync(
            new { effect = "allow", actions = new[] { "view" }, resources = new[] { $"/workspaces/{f.Ws}/connectors/**" } },
            new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/organizations/*" } });
        var key = f.As(await f.CreateKeyAsync(await f.CreateRoleAsync(policy)));

        (await key.GetAsync($"workspaces/{f.Ws}/connectors")).ShouldBeError(403, "Forbidden", "'/x/**' covers what is below /x, not /x itself");
        (await key.GetAsync($"workspaces/{f.Ws}/connectors/{Guid.NewGuid()}")).ShouldBeError(404, "NotFound", "allowed, then not found");
        (await key.PostAsync($"workspaces/{f.Ws}/connectors", EmulatorFixture.WhatsAppConnector(Phones.Next()))).ShouldBeError(403, "Forbidden", "view does not cover POST");
        (await key.GetAsync($"organizations/{f.Org}/workspaces")).ShouldBeError(403, "Forbidden", "* matches exactly one segment");
    }

    [Fact]
    public async Task DoubleStar_WithTheParentListedToo_CoversTheParent()
    {
        var policy = await f.CreatePolicyAsync(
            new { effect = "allow", actions = new[] { "view" }, resources = new[] { $"/workspaces/{f.Ws}/connectors", $"/workspaces/{f.Ws}/connectors/**" } });
        var key = f.As(await f.CreateKeyAsync(await f.CreateRoleAsync(policy)));

        (await key.GetAsync($"workspaces/{f.Ws}/connectors")).ShouldBe(200);
    }

    [Fact]
    public async Task RoleRefWorkspaces_RestrictTheKeyToThoseWorkspaces()
    {
        var policy = await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/**" } });
        var role = await f.CreateRoleAsync(policy);
        var restricted = f.As(await f.CreateKeyAsync(role, f.Ws));

        (await restricted.GetAsync($"workspaces/{f.Ws}/channels")).ShouldBe(200);
        (await restricted.GetAsync($"organizations/{f.Org}/workspaces/{f.Ws}/webhook-subscriptions")).ShouldBe(200);
        (await restricted.GetAsync($"workspaces/{Guid.NewGuid()}/channels")).ShouldBeError(403, "Forbidden");
        (await restricted.GetAsync($"organizations/{f.Org}/iam-policies")).ShouldBeError(403, "Forbidden", "org-level paths are outside every workspace");
    }

    [Fact]
    public async Task RolePatch_TakesEffectImmediately()
    {
        var view = await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/workspaces/*/connectors" } });
        var role = await f.CreateRoleAsync();
        var key = f.As(await f.CreateKeyAsync(role));
        (await key.GetAsync($"workspaces/{f.Ws}/connectors")).ShouldBeError(403, "Forbidden");

        (await f.Admin.PatchAsync($"organizations/{f.Org}/iam-roles/{role}", new { policies = new[] { new { id = view, type = "organization" } } })).ShouldBe(200);

        (await key.GetAsync($"workspaces/{f.Ws}/connectors")).ShouldBe(200);
    }
}
