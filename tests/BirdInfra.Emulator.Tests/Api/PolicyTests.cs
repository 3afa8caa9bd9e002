using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

public sealed class PolicyTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private static readonly object Allow = new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/workspaces/*/channels/*" } };

    private string Policies => $"organizations/{f.Org}/iam-policies";

    [Fact]
    public async Task Create_Returns201WithFullPolicy_AndGetListReturnIt()
    {
        var created = (await f.Admin.PostAsync(Policies, new { name = "sender", description = "d", definitions = new[] { Allow } })).ShouldBe(201).Body;

        created["scope"]!.GetValue<string>().Should().Be("organization");
        created["rolesDependencyCount"]!.GetValue<int>().Should().Be(0);
        created["definitions"]![0]!["resources"]![0]!.GetValue<string>().Should().Be("/workspaces/*/channels/*");
        var id = created["id"]!.GetValue<string>();
        Guid.TryParse(id, out _).Should().BeTrue();
        (await f.Admin.GetAsync($"{Policies}/{id}")).ShouldBe(200).Body["name"]!.GetValue<string>().Should().Be("sender");
        (await f.Admin.GetAsync($"{Policies}?limit=100")).ShouldBe(200).ResultIds.Should().Contain(id);
    }

    [Fact]
    public async Task Create_WithUnknownFieldsOrBadValues_Is422WithDetailsByPath()
    {
        var response = (await f.Admin.PostAsync(Policies, new
        {
            name = "x",
            colour = "red",
            definitions = new object[]
            {
                new { effect = "maybe", actions = new[] { "read" }, resources = new[] { "/organizations/{organizationId}/x" }, extra = 1 },
            },
        })).ShouldBeError(422, "InvalidPayload");

        var details = response.Body["details"]!.AsObject();
        details["."]![0]!.GetValue<string>().Should().Be("property \"colour\" is unsupported");
        details.Select(d => d.Key).Should().Contain([".definitions[0]", ".definitions[0].effect", ".definitions[0].actions[0]", ".definitions[0].resources[0]"]);
    }

    [Fact]
    public async Task Create_WithoutNameOrDefinitions_Is422()
    {
        var details = (await f.Admin.PostAsync(Policies, new { description = "x" })).ShouldBeError(422, "InvalidPayload").Body["details"]!.AsObject();
        details.Select(d => d.Key).Should().Contain([".name", ".definitions"]);
        (await f.Admin.PostAsync(Policies, "not json")).ShouldBeError(422, "InvalidPayload");
    }

    [Fact]
    public async Task Patch_IsNotSupported_405()
    {
        var id = await f.CreatePolicyAsync(Allow);
        (await f.Admin.PatchAsync($"{Policies}/{id}", new { name = "renamed" })).ShouldBeError(405, "MethodNotAllowed");
    }

    [Fact]
    public async Task Delete_Returns204_ThenGetIs404()
    {
        var id = await f.CreatePolicyAsync(Allow);
        (await f.Admin.DeleteAsync($"{Policies}/{id}")).ShouldBe(204);
        (await f.Admin.GetAsync($"{Policies}/{id}")).ShouldBeError(404, "NotFound");
        (await f.Admin.DeleteAsync($"{Policies}/{id}")).ShouldBeError(404, "NotFound");
    }

    [Fact]
    public async Task Delete_WhileUsedByRole_Is409()
    {
        var id = await f.CreatePolicyAsync(Allow);
        var role = await f.CreateRoleAsync(id);

        (await f.Admin.DeleteAsync($"{Policies}/{id}")).ShouldBeError(409, "Conflict");
        (await f.Admin.GetAsync($"{Policies}/{id}")).Body["rolesDependencyCount"]!.GetValue<int>().Should().Be(1);
        (await f.Admin.DeleteAsync($"organizations/{f.Org}/iam-roles/{role}")).ShouldBe(204);
        (await f.Admin.DeleteAsync($"{Policies}/{id}")).ShouldBe(204);
    }
}
