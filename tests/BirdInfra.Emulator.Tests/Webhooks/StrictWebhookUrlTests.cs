using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Webhooks;

public sealed class StrictWebhookUrlTests(StrictEmulatorFixture f) : IClassFixture<StrictEmulatorFixture>
{
    [Fact]
    public async Task WithoutAllowHttpWebhooks_OnlyPublicHttpsIsAccepted()
    {
        var path = $"workspaces/{f.Ws}/webhook-subscriptions";
        (await f.Admin.PostAsync(path, new { service = "channels", @event = "channel.created", url = "http://127.0.0.1:9/hook" })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PostAsync(path, new { service = "channels", @event = "channel.created", url = "https://localhost/hook" })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PostAsync(path, new { service = "channels", @event = "channel.created", url = "https://hooks.example.com:8443/x" })).ShouldBeError(422, "InvalidPayload", "the create pattern has no port");
        (await f.Admin.PostAsync(path, new { service = "channels", @event = "channel.created", url = "https://hooks.example.com/bird" })).ShouldBe(201);
    }
}
