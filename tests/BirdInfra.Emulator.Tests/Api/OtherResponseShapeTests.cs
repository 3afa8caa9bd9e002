using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

/// <summary>With <c>--no-connector-arguments</c> connector responses leave arguments out; with <c>--access-key-get-role-refs</c> GET of one key answers roleRefs.</summary>
public sealed class OtherResponseShapeTests(OtherResponseShapesFixture f) : IClassFixture<OtherResponseShapesFixture>
{
    [Fact]
    public async Task Connectors_LeaveArgumentsOutOfEveryResponse_ButStillRefuseTheSameNumberTwice()
    {
        var phone = Phones.Next();
        var create = (await f.Admin.PostAsync($"workspaces/{f.Ws}/connectors", EmulatorFixture.WhatsAppConnector(phone))).ShouldBe(201);
        var id = create.Id;

        create.Body.AsObject().ContainsKey("arguments").Should().BeFalse(create.Text);
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/connectors/{id}")).Body.AsObject().ContainsKey("arguments").Should().BeFalse();
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/connectors?limit=100")).Text.Should().NotContain("\"arguments\"");
        (await f.Admin.PostAsync($"workspaces/{f.Ws}/connectors", EmulatorFixture.WhatsAppConnector(phone))).ShouldBeError(409, "Conflict");
    }

    [Fact]
    public async Task AccessKeyGet_AnswersRoleRefs()
    {
        var role = await f.CreateRoleAsync();
        var id = (await f.Admin.PostAsync($"organizations/{f.Org}/access-keys", new
        {
            name = $"key-{Guid.NewGuid():N}",
            description = "response shape",
            roleRefs = new[] { new { id = role, type = "organization", workspaces = new[] { f.Ws } } },
        })).ShouldBe(201).Body["accessKey"]!["id"]!.GetValue<string>();

        var get = (await f.Admin.GetAsync($"organizations/{f.Org}/access-keys/{id}")).ShouldBe(200).Body;

        get["roles"].Should().BeNull();
        get["roleRefs"]![0]!["workspaces"]![0]!.GetValue<string>().Should().Be(f.Ws);
    }
}
