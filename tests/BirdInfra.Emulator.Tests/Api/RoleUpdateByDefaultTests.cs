using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

/// <summary>Bird's docs do not show the role-update method; by default the emulator takes PATCH and refuses PUT.</summary>
public sealed class RoleUpdateByDefaultTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private static readonly object Allow = new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/workspaces/*/channels/*" } };

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
