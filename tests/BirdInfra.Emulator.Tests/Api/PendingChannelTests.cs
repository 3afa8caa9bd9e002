using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

/// <summary>Before activation a channel exists, is linked to its connector and says 'pending'.</summary>
public sealed class PendingChannelTests(PendingChannelsEmulatorFixture f) : IClassFixture<PendingChannelsEmulatorFixture>
{
    [Fact]
    public async Task Channel_AppearsLinkedButPending()
    {
        var channelId = await f.CreateChannelAsync();

        var channel = (await f.Admin.GetAsync($"workspaces/{f.Ws}/channels/{channelId}")).ShouldBe(200).Body;
        channel["status"]!.GetValue<string>().Should().Be("pending");
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/channels?status=active&limit=1000")).ShouldBe(200).ResultIds.Should().NotContain(channelId);
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/channels?status=pending&limit=1000")).ShouldBe(200).ResultIds.Should().Contain(channelId);
    }
}
