using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

public sealed class AccessKeyTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private string Keys => $"organizations/{f.Org}/access-keys";

    [Fact]
    public async Task Create_ReturnsTokenOnce_ListAndGetNeverDo()
    {
        var role = await f.CreateRoleAsync();
        var created = (await f.Admin.PostAsync(Keys, new
        {
            name = "ci-sender",
            description = "CI",
            roleRefs = new[] { new { id = role, type = "organization", workspaces = new[] { f.Ws } } },
        })).ShouldBe(201).Body;

        var token = created["token"]!.GetValue<string>();
        token.Should().MatchRegex("^[A-Za-z0-9]{36}$");
        var key = created["accessKey"]!;
        key["suffix"]!.GetValue<string>().Should().Be(token[^4..]);
        key["type"]!.GetValue<string>().Should().Be("user");
        key["lastUsedAt"].Should().BeNull();
        key["roleRefs"]![0]!["workspaces"]![0]!.GetValue<string>().Should().Be(f.Ws);

        var id = key["id"]!.GetValue<string>();
        var get = (await f.Admin.GetAsync($"{Keys}/{id}")).ShouldBe(200);
        var list = (await f.Admin.GetAsync($"{Keys}?limit=100")).ShouldBe(200);
        get.Text.Should().NotContain(token);
        get.Body["token"].Should().BeNull();
        list.Text.Should().NotContain(token);
        list.ResultIds.Should().Contain(id);
    }

    [Fact]
    public async Task Create_MissingDescriptionOrUnknownRole_Is422()
    {
        (await f.Admin.PostAsync(Keys, new { name = "x" })).ShouldBeError(422, "InvalidPayload").Body["details"]![".description"].Should().NotBeNull();
        (await f.Admin.PostAsync(Keys, new { name = "x", description = "y", roleRefs = new[] { new { id = Guid.NewGuid(), type = "organization" } } }))
            .ShouldBeError(422, "InvalidPayload").Body["details"]![".roleRefs[0].id"].Should().NotBeNull();
    }

    [Fact]
    public async Task Create_WithAnEmptyWorkspacesList_Is422_WhileLeavingItOutIsOrganizationWide()
    {
        var role = await f.CreateRoleAsync();

        (await f.Admin.PostAsync(Keys, new { name = "empty", description = "empty", roleRefs = new[] { new { id = role, type = "organization", workspaces = Array.Empty<string>() } } }))
            .ShouldBeError(422, "InvalidPayload").Body["details"]![".roleRefs[0].workspaces"]!.ToString().Should().Contain("leave it out");
        var created = (await f.Admin.PostAsync(Keys, new { name = "org-wide", description = "org-wide", roleRefs = new[] { new { id = role, type = "organization" } } })).ShouldBe(201).Body;
        created["accessKey"]!["roleRefs"]![0]!["workspaces"]!.AsArray().Should().BeEmpty("absent means every workspace; the key is answered with no restriction");
    }

    [Fact]
    public async Task RoleRefsControl_ChangesAKeysScopeAsTheConsoleMay_AdminOnly_TheListShowsIt()
    {
        var role = await f.CreateRoleAsync(await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "any" }, resources = new[] { "/**" } }));
        var created = (await f.Admin.PostAsync(Keys, new { name = "scoped", description = "scoped", roleRefs = new[] { new { id = role, type = "organization", workspaces = new[] { f.Ws } } } })).ShouldBe(201).Body;
        var id = created["accessKey"]!["id"]!.GetValue<string>();
        var control = $"_emulator/access-keys/{id}/role-refs";

        (await f.As(created["token"]!.GetValue<string>()).PutAsync(control, new { roleRefs = new[] { new { id = role } } })).ShouldBeError(403, "Forbidden");
        (await f.Admin.PutAsync($"_emulator/access-keys/{Guid.NewGuid()}/role-refs", new { roleRefs = new[] { new { id = role } } })).ShouldBeError(404, "NotFound");
        (await f.Admin.PutAsync(control, new { roleRefs = new[] { new { id = role, workspaces = Array.Empty<string>() } } })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PutAsync(control, new { roleRefs = new[] { new { id = role } } })).ShouldBe(200);

        var listed = (await f.Admin.GetAsync($"{Keys}?limit=100")).ShouldBe(200).Body["results"]!.AsArray().Single(k => k!["id"]!.GetValue<string>() == id)!;
        listed["roleRefs"]![0]!["workspaces"]!.AsArray().Should().BeEmpty("the key's role now applies in every workspace");
    }

    [Fact]
    public async Task Delete_Returns204_AndTheTokenStopsWorking()
    {
        var role = await f.CreateRoleAsync(await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "any" }, resources = new[] { "/**" } }));
        var created = (await f.Admin.PostAsync(Keys, new { name = "temp", description = "temp", roleRefs = new[] { new { id = role, type = "organization" } } })).Body;
        var token = created["token"]!.GetValue<string>();
        var id = created["accessKey"]!["id"]!.GetValue<string>();
        (await f.As(token).GetAsync($"organizations/{f.Org}/workspaces")).ShouldBe(200);
        (await f.Admin.GetAsync($"{Keys}/{id}")).Body["lastUsedAt"].Should().NotBeNull();

        (await f.Admin.DeleteAsync($"{Keys}/{id}")).ShouldBe(204);

        (await f.As(token).GetAsync($"organizations/{f.Org}/workspaces")).ShouldBeError(401, "Unauthorized");
        (await f.Admin.GetAsync($"{Keys}/{id}")).ShouldBeError(404, "NotFound");
    }
}
