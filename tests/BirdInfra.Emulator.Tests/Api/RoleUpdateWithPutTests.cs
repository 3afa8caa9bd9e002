using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

/// <summary>The other reading of Bird's undocumented role-update method (--role-update-put): PUT with the full body, PATCH refused.</summary>
public sealed class RoleUpdateWithPutTests(PutRoleUpdatesEmulatorFixture f) : IClassFixture<PutRoleUpdatesEmulatorFixture>
{
    private static readonly object Allow = new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/workspaces/*/channels/*" } };

    private string Roles => $"organizations/{f.Org}/iam-roles";

    [Fact]
    public async Task Patch_IsRefusedWith405_AndTheRoleIsUnchanged()
    {
        var role = await f.CreateRoleAsync(await f.CreatePolicyAsync(Allow));

        (await f.Admin.PatchAsync($"{Roles}/{role}", new { description = "patched" })).ShouldBeError(405, "MethodNotAllowed");

        (await f.Admin.GetAsync($"{Roles}/{role}")).ShouldBe(200).Body["description"]!.GetValue<string>().Should().BeEmpty();
    }

    [Fact]
    public async Task Put_ReplacesEveryField_AbsentOnesBecomeEmpty()
    {
        var first = await f.CreatePolicyAsync(Allow);
        var second = await f.CreatePolicyAsync(Allow);
        var name = $"put-{Guid.NewGuid():N}";
        var created = (await f.Admin.PostAsync(Roles, new { name, description = "before", policies = new[] { new { id = first, type = "organization" } } })).ShouldBe(201);

        var put = (await f.Admin.PutAsync($"{Roles}/{created.Id}", new { name, description = "after", policies = new[] { new { id = second, type = "organization" } } }))
            .ShouldBe(200).Body;
        put["description"]!.GetValue<string>().Should().Be("after");
        put["policies"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Should().Equal(second);

        var bare = (await f.Admin.PutAsync($"{Roles}/{created.Id}", new { name })).ShouldBe(200).Body;
        bare["description"]!.GetValue<string>().Should().BeEmpty();
        bare["policies"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Put_ValidatesLikeCreate()
    {
        var role = await f.CreateRoleAsync();
        var other = await f.CreateRoleAsync();
        var otherName = (await f.Admin.GetAsync($"{Roles}/{other}")).Body["name"]!.GetValue<string>();

        (await f.Admin.PutAsync($"{Roles}/{role}", new { description = "no name" })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PutAsync($"{Roles}/{role}", new { name = "x", colour = "red" })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PutAsync($"{Roles}/{role}", new { name = otherName })).ShouldBeError(409, "Conflict");
        (await f.Admin.PutAsync($"{Roles}/{Guid.NewGuid()}", new { name = "x" })).ShouldBeError(404, "NotFound");
    }
}
