using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

/// <summary>Bird's docs do not show the role-update method; the emulator can play either reading (default PATCH, or PUT).</summary>
public sealed class RoleUpdateMethodTests
{
    private static readonly object Allow = new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/workspaces/*/channels/*" } };

    public sealed class ByDefault(EmulatorFixture f) : IClassFixture<EmulatorFixture>
    {
        [Fact]
        public async Task Put_IsRefusedWith405_AndTheRoleIsUnchanged()
        {
            var role = await f.CreateRoleAsync(await f.CreatePolicyAsync(Allow));
            var path = $"organizations/{f.Org}/iam-roles/{role}";

            (await f.Admin.PutAsync(path, new { name = $"replaced-{role}", description = "d", policies = Array.Empty<object>() })).ShouldBeError(405, "MethodNotAllowed");

            var live = (await f.Admin.GetAsync(path)).ShouldBe(200).Body;
            live["name"]!.GetValue<string>().Should().NotBe($"replaced-{role}");
            live["policies"]!.AsArray().Should().ContainSingle();
        }
    }

    public sealed class WithRoleUpdatePut(PutRoleUpdatesEmulatorFixture f) : IClassFixture<PutRoleUpdatesEmulatorFixture>
    {
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
}
