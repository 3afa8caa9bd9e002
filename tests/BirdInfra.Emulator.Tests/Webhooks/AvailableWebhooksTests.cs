using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Webhooks;

/// <summary>"List available webhook events" answers the emulator's catalogue in Bird's documented shape.</summary>
public sealed class AvailableWebhooksTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Channels_ListsEveryCataloguedEventWithItsFilterKeys()
    {
        var body = (await f.Admin.GetAsync($"workspaces/{f.Ws}/available-webhooks?service=channels")).ShouldBe(200).Body;

        var service = body["results"]!.AsArray().Should().ContainSingle().Which!;
        service["service"]!.GetValue<string>().Should().Be("channels");
        var events = service["events"]!.AsArray().ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!["filterKeys"]!.AsArray().Select(k => k!.GetValue<string>()).ToList());
        events["whatsapp.inbound"].Should().Equal("channelId");
        events["whatsapp.outbound"].Should().Equal("channelId", "messageStatus");
        events["whatsapp.interaction"].Should().Equal("channelId", "interactionType");
        events["channel.created"].Should().Equal("platformId", "channelStatus");
        events["sms.inbound"].Should().Equal("channelId");
        body.AsObject().Select(p => p.Key).Should().Equal(["results"], "the list is not paginated");
    }

    [Fact]
    public async Task OtherService_AnswersNoEvents_AndAnUnknownServiceIs400()
    {
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/available-webhooks?service=numbers")).ShouldBe(200).Results.Should().BeEmpty();
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/available-webhooks?service=fax")).ShouldBeError(400, "BadRequest");
        (await f.Admin.GetAsync($"workspaces/{Guid.NewGuid()}/available-webhooks?service=channels")).ShouldBeError(404, "NotFound");
    }
}
