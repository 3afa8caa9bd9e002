using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

public sealed class RoleTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private static readonly object Allow = new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/workspaces/*/channels/*" } };

    private string Roles => $"organizations/{f.Org}/iam-roles";

    [Fact]
    public async Task Create_ExpandsPolicies_AndGetListReturnIt()
    {
        var policy = await f.CreatePolicyAsync(Allow);
        var created = (await f.Admin.PostAsync(Roles, new { name = "Channel sender", description = "send only", policies = new[] { new { id = policy, type = "organization" } } }))
            .ShouldBe(201).Body;

        created["type"]!.GetValue<string>().Should().Be("organization");
        created["organizationId"]!.GetValue<string>().Should().Be(f.Org);
        created["policies"]![0]!["id"]!.GetValue<string>().Should().Be(policy);
        created["policies"]![0]!["definitions"].Should().NotBeNull("responses carry full policy objects");
        var id = created["id"]!.GetValue<string>();
        (await f.Admin.GetAsync($"{Roles}/{id}")).ShouldBe(200);
        (await f.Admin.GetAsync($"{Roles}?limit=100")).ResultIds.Should().Contain(id);
    }

    [Fact]
    public async Task Create_DuplicateName_Is409()
    {
        var name = $"dup-{Guid.NewGuid():N}";
        (await f.Admin.PostAsync(Roles, new { name })).ShouldBe(201);
        (await f.Admin.PostAsync(Roles, new { name })).ShouldBeError(409, "Conflict");
    }

    [Fact]
    public async Task Create_WithUnknownPolicy_Is422()
    {
        var response = (await f.Admin.PostAsync(Roles, new { name = "r", policies = new[] { new { id = Guid.NewGuid(), type = "organization" } } }))
            .ShouldBeError(422, "InvalidPayload");
        response.Body["details"]![".policies[0].id"].Should().NotBeNull();
    }

    [Fact]
    public async Task Patch_UpdatesPoliciesAndName_Returns200()
    {
        var first = await f.CreatePolicyAsync(Allow);
        var second = await f.CreatePolicyAsync(Allow);
        var role = await f.CreateRoleAsync(first);

        var patched = (await f.Admin.PatchAsync($"{Roles}/{role}", new { name = $"renamed-{role}", policies = new[] { new { id = second, type = "organization" } } }))
            .ShouldBe(200).Body;

        patched["name"]!.GetValue<string>().Should().Be($"renamed-{role}");
        patched["policies"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Should().Equal(second);
        (await f.Admin.PatchAsync($"{Roles}/{role}", new { })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PatchAsync($"{Roles}/{role}", new { colour = "red" })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PatchAsync($"{Roles}/{Guid.NewGuid()}", new { name = "x" })).ShouldBeError(404, "NotFound");
    }

    [Fact]
    public async Task Delete_WhileUsedByKey_Is409_Otherwise204()
    {
        var role = await f.CreateRoleAsync(await f.CreatePolicyAsync(Allow));
        await f.CreateKeyAsync(role);
        (await f.Admin.DeleteAsync($"{Roles}/{role}")).ShouldBeError(409, "Conflict");

        var free = await f.CreateRoleAsync();
        (await f.Admin.DeleteAsync($"{Roles}/{free}")).ShouldBe(204);
        (await f.Admin.GetAsync($"{Roles}/{free}")).ShouldBeError(404, "NotFound");
    }
}
