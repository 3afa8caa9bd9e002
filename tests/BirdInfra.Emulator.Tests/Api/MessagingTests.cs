using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

public sealed class MessagingTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private static object TextMessage(string to) => new
    {
        receiver = new { contacts = new[] { new { identifierKey = "phonenumber", identifierValue = to } } },
        body = new { type = "text", text = new { text = "Hello" } },
    };

    [Fact]
    public async Task SendMessage_Returns202WithMessage()
    {
        var channelId = await f.CreateChannelAsync();

        var message = (await f.Admin.PostAsync($"workspaces/{f.Ws}/channels/{channelId}/messages", TextMessage("+31612345678"))).ShouldBe(202).Body;

        Guid.TryParse(message["id"]!.GetValue<string>(), out _).Should().BeTrue();
        message["status"]!.GetValue<string>().Should().Be("accepted");
        message["direction"]!.GetValue<string>().Should().Be("outgoing");
        message["body"]!["text"]!["text"]!.GetValue<string>().Should().Be("Hello");
    }

    [Fact]
    public async Task SendMessage_InvalidBodyOrUnknownChannel_Is422Or404()
    {
        var channelId = await f.CreateChannelAsync();
        var path = $"workspaces/{f.Ws}/channels/{channelId}/messages";

        (await f.Admin.PostAsync(path, new { body = new { type = "text" } })).ShouldBeError(422, "InvalidPayload").Body["details"]![".receiver"].Should().NotBeNull();
        (await f.Admin.PostAsync(path, new { receiver = new { contacts = new[] { new { identifierValue = "+31612345678", listId = "x" } } }, body = new { type = "text" } }))
            .ShouldBeError(422, "InvalidPayload").Body["details"]![".receiver.contacts[0]"]![0]!.GetValue<string>().Should().Be("property \"listId\" is unsupported");
        (await f.Admin.PostAsync($"workspaces/{f.Ws}/channels/{Guid.NewGuid()}/messages", TextMessage("+31612345678"))).ShouldBeError(404, "NotFound");
    }

    [Fact]
    public async Task Verify_Returns202WithDefaults_AndValidates()
    {
        var verification = (await f.Admin.PostAsync($"workspaces/{f.Ws}/verify", new
        {
            identifier = new { phonenumber = "+31612345678" },
            steps = new[] { new { channelId = Guid.NewGuid() } },
        })).ShouldBe(202).Body;

        verification["status"]!.GetValue<string>().Should().Be("accepted");
        verification["codeLength"]!.GetValue<int>().Should().Be(6);
        verification["timeout"]!.GetValue<int>().Should().Be(600);
        verification["maxAttempts"]!.GetValue<int>().Should().Be(3);

        var details = (await f.Admin.PostAsync($"workspaces/{f.Ws}/verify", new { identifier = new { }, codeLength = 4 }))
            .ShouldBeError(422, "InvalidPayload").Body["details"]!.AsObject();
        details.Select(d => d.Key).Should().Contain([".identifier", ".steps", ".codeLength"]);
    }
}
