using System.Text;
using System.Text.Json.Nodes;
using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

/// <summary>
/// PUT /_emulator/channels/{id} puts a channel in any status (e.g. 'failed', which Bird's docs do not name), for the
/// admin key only, and channel.updated announces it as activation does.
/// </summary>
public sealed class ChannelStatusControlTests(PendingChannelsEmulatorFixture f) : IClassFixture<PendingChannelsEmulatorFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task PutStatus_SetsTheChannelsStatus_AndDeliversChannelUpdated()
    {
        var url = _receiver.Url($"/bird/{Guid.NewGuid():N}");
        (await f.Admin.PostAsync($"organizations/{f.Org}/workspaces/{f.Ws}/webhook-subscriptions", new { service = "channels", @event = "channel.updated", url })).ShouldBe(201);
        var channelId = await f.CreateChannelAsync();

        var put = (await f.Admin.PutAsync($"_emulator/channels/{channelId}", new { status = "failed" })).ShouldBe(200).Body;

        put["status"]!.GetValue<string>().Should().Be("failed");
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/channels/{channelId}")).ShouldBe(200).Body["status"]!.GetValue<string>().Should().Be("failed");
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/channels?status=failed&limit=1000")).ShouldBe(200).ResultIds.Should().Contain(channelId);
        var hook = await Eventually.UntilAsync(
            () => Task.FromResult(_receiver.Received.FirstOrDefault(r => Encoding.UTF8.GetString(r.Body).Contains(channelId))),
            TimeSpan.FromSeconds(10),
            "the channel.updated delivery");
        var envelope = JsonNode.Parse(hook.Body)!;
        envelope["event"]!.GetValue<string>().Should().Be("channel.updated");
        envelope["payload"]!["status"]!.GetValue<string>().Should().Be("failed");

        (await f.Admin.PutAsync($"_emulator/channels/{channelId}", new { status = "active" })).ShouldBe(200);
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/channels/{channelId}")).ShouldBe(200).Body["status"]!.GetValue<string>().Should().Be("active");
    }

    [Fact]
    public async Task PutStatus_IsForTheAdminKeyOnly_AndRefusesUnknownChannelsAndBadBodies()
    {
        var channelId = await f.CreateChannelAsync();
        var key = await f.CreateKeyAsync(await f.CreateRoleAsync(await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "any" }, resources = new[] { "/**" } })));

        (await f.As(key).PutAsync($"_emulator/channels/{channelId}", new { status = "failed" })).ShouldBe(403);
        (await f.Admin.PutAsync($"_emulator/channels/{Guid.NewGuid()}", new { status = "failed" })).ShouldBe(404);
        (await f.Admin.PutAsync($"_emulator/channels/{channelId}", new { status = "" })).ShouldBe(422);
        (await f.Admin.PutAsync($"_emulator/channels/{channelId}", new { status = "failed", reason = "x" })).ShouldBe(422);
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/channels/{channelId}")).ShouldBe(200).Body["status"]!.GetValue<string>().Should().Be("pending");
    }
}
