using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

public sealed class ConnectorTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private string Connectors => $"workspaces/{f.Ws}/connectors";

    [Fact]
    public async Task Create_Returns201WithoutChannel_ThenChannelAppearsInBackground()
    {
        var phone = Phones.Next();
        var created = (await f.Admin.PostAsync(Connectors, EmulatorFixture.WhatsAppConnector(phone))).ShouldBe(201).Body;
        created["channel"].Should().BeNull("the channel is installed asynchronously");
        created["connectorTemplateRef"]!.GetValue<string>().Should().Be("whatsapp:1");
        created["arguments"]!["phoneNumber"]!.GetValue<string>().Should().Be(phone);

        var connectorId = created["id"]!.GetValue<string>();
        var channelId = await f.WaitForChannelAsync(connectorId);

        var connector = (await f.Admin.GetAsync($"{Connectors}/{connectorId}")).ShouldBe(200).Body;
        connector["channel"]!["platform"]!.GetValue<string>().Should().Be("whatsapp");
        var channel = (await f.Admin.GetAsync($"workspaces/{f.Ws}/channels/{channelId}")).ShouldBe(200).Body;
        channel["connectorId"]!.GetValue<string>().Should().Be(connectorId);
        channel["identifier"]!.GetValue<string>().Should().Be(phone);
        channel["platformId"]!.GetValue<string>().Should().Be("whatsapp");
    }

    [Fact]
    public async Task AccessToken_IsNeverEchoed()
    {
        const string secret = "EAAG-very-secret-value";
        var create = (await f.Admin.PostAsync(Connectors, EmulatorFixture.WhatsAppConnector(Phones.Next(), secret))).ShouldBe(201);
        var id = create.Id;
        await f.WaitForChannelAsync(id);

        create.Text.Should().NotContain(secret).And.NotContain("securityArguments");
        (await f.Admin.GetAsync($"{Connectors}/{id}")).Text.Should().NotContain(secret);
        (await f.Admin.GetAsync($"{Connectors}?limit=100")).Text.Should().NotContain(secret);
    }

    [Fact]
    public async Task Create_ClosedSchemaAndRequiredArguments_Are422()
    {
        var response = (await f.Admin.PostAsync(Connectors, new
        {
            name = "bad",
            connectorTemplateRef = "whatsapp:1",
            arguments = new { wabaId = "1", phoneNumber = "0612345678", colour = "red" },
            securityArguments = new { oauth = new { } },
            unknown = true,
        })).ShouldBeError(422, "InvalidPayload");

        var keys = response.Body["details"]!.AsObject().Select(d => d.Key).ToList();
        keys.Should().Contain([".", ".arguments", ".arguments.phoneId", ".arguments.phoneNumber", ".securityArguments.oauth.accessToken"]);

        (await f.Admin.PostAsync(Connectors, new { connectorTemplateRef = "whatsapp:1" })).ShouldBeError(422, "InvalidPayload")
            .Body["details"]!.AsObject().Select(d => d.Key).Should().Contain([".name", ".arguments", ".securityArguments"]);
        (await f.Admin.PostAsync(Connectors, new { name = "x", connectorTemplateRef = "telepathy:1", arguments = new { }, securityArguments = new { } }))
            .ShouldBeError(422, "InvalidPayload").Body["details"]![".connectorTemplateRef"].Should().NotBeNull();
    }

    [Fact]
    public async Task Create_SameTemplateAndNumberTwice_Is409()
    {
        var phone = Phones.Next();
        (await f.Admin.PostAsync(Connectors, EmulatorFixture.WhatsAppConnector(phone))).ShouldBe(201);
        (await f.Admin.PostAsync(Connectors, EmulatorFixture.WhatsAppConnector(phone))).ShouldBeError(409, "Conflict");
    }

    [Fact]
    public async Task List_FiltersByTemplateRef()
    {
        var id = (await f.CreateConnectorAsync())["id"]!.GetValue<string>();

        (await f.Admin.GetAsync($"{Connectors}?templateRef=whatsapp:1&limit=100")).ShouldBe(200).ResultIds.Should().Contain(id);
        (await f.Admin.GetAsync($"{Connectors}?templateRef=sms-messagebird:1")).ShouldBe(200).Results.Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_Returns204_AndDeletesTheChannel()
    {
        var id = (await f.CreateConnectorAsync())["id"]!.GetValue<string>();
        var channelId = await f.WaitForChannelAsync(id);

        (await f.Admin.DeleteAsync($"{Connectors}/{id}")).ShouldBe(204);

        (await f.Admin.GetAsync($"{Connectors}/{id}")).ShouldBeError(404, "NotFound");
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/channels/{channelId}")).ShouldBeError(404, "NotFound");
        (await f.Admin.DeleteAsync($"{Connectors}/{id}")).ShouldBeError(404, "NotFound");
    }

    [Fact]
    public async Task UnknownWorkspace_Is404()
    {
        (await f.Admin.PostAsync($"workspaces/{Guid.NewGuid()}/connectors", EmulatorFixture.WhatsAppConnector(Phones.Next()))).ShouldBeError(404, "NotFound");
    }
}
