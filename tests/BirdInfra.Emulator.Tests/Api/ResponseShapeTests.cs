using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

/// <summary>By default GET of one access key expands its roles while the list shows roleRefs, and connectors echo their arguments.</summary>
public sealed class ResponseShapeTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task AccessKeyGet_AnswersRoles_WhileTheListAnswersRoleRefs()
    {
        var role = await f.CreateRoleAsync(await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/workspaces/*" } }));
        var id = (await f.Admin.PostAsync($"organizations/{f.Org}/access-keys", new
        {
            name = $"key-{Guid.NewGuid():N}",
            description = "response shape",
            roleRefs = new[] { new { id = role, type = "organization", workspaces = new[] { f.Ws } } },
        })).ShouldBe(201).Body["accessKey"]!["id"]!.GetValue<string>();

        var get = (await f.Admin.GetAsync($"organizations/{f.Org}/access-keys/{id}")).ShouldBe(200).Body;
        var list = (await f.Admin.GetAsync($"organizations/{f.Org}/access-keys?limit=100")).ShouldBe(200).Body;

        get["roleRefs"].Should().BeNull();
        var expanded = get["roles"]!.AsArray().Should().ContainSingle().Subject!;
        expanded["id"]!.GetValue<string>().Should().Be(role);
        expanded["type"]!.GetValue<string>().Should().Be("organization");
        expanded["policies"]!.AsArray().Should().NotBeEmpty("a role object carries full policies, and no workspaces");
        expanded["workspaces"].Should().BeNull();
        var listed = list["results"]!.AsArray().Single(k => k!["id"]!.GetValue<string>() == id)!;
        listed["roles"].Should().BeNull();
        listed["roleRefs"]![0]!["workspaces"]![0]!.GetValue<string>().Should().Be(f.Ws);
    }

    [Fact]
    public async Task Connectors_EchoTheirArgumentsByDefault()
    {
        var phone = Phones.Next();
        var created = (await f.Admin.PostAsync($"workspaces/{f.Ws}/connectors", EmulatorFixture.WhatsAppConnector(phone))).ShouldBe(201).Body;

        created["arguments"]!["phoneNumber"]!.GetValue<string>().Should().Be(phone);
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/connectors/{created["id"]!.GetValue<string>()}")).Body["arguments"]!["wabaId"].Should().NotBeNull();
    }
}
