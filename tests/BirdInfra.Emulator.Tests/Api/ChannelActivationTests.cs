using System.Text;
using System.Text.Json.Nodes;
using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

/// <summary>A connector's channel exists before it works: it appears 'pending' and becomes 'active' later, announced by channel.updated.</summary>
public sealed class ChannelActivationTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Channel_BecomesActive_AndChannelUpdatedAnnouncesIt()
    {
        var url = _receiver.Url($"/bird/{Guid.NewGuid():N}");
        (await f.Admin.PostAsync($"organizations/{f.Org}/workspaces/{f.Ws}/webhook-subscriptions", new { service = "channels", @event = "channel.updated", url })).ShouldBe(201);

        var channelId = await f.CreateChannelAsync();
        await f.WaitForChannelStatusAsync(channelId, "active");

        var hook = await Eventually.UntilAsync(
            () => Task.FromResult(_receiver.Received.FirstOrDefault(r => Encoding.UTF8.GetString(r.Body).Contains(channelId))),
            TimeSpan.FromSeconds(10),
            "the channel.updated delivery");
        var envelope = JsonNode.Parse(hook.Body)!;
        envelope["event"]!.GetValue<string>().Should().Be("channel.updated");
        envelope["payload"]!["status"]!.GetValue<string>().Should().Be("active");
    }
}
