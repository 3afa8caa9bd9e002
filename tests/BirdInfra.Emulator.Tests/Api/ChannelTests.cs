using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Api;

public sealed class ChannelTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private string Channels => $"workspaces/{f.Ws}/channels";

    [Fact]
    public async Task List_FiltersByPlatformAndStatus_AndAllowsLimit1000()
    {
        var channelId = await f.CreateChannelAsync();
        await f.WaitForChannelStatusAsync(channelId, "active");

        (await f.Admin.GetAsync($"{Channels}?limit=1000")).ShouldBe(200).ResultIds.Should().Contain(channelId);
        (await f.Admin.GetAsync($"{Channels}?platform=whatsapp&status=active&limit=1000")).ShouldBe(200).ResultIds.Should().Contain(channelId);
        (await f.Admin.GetAsync($"{Channels}?platform=sms&platform=email")).ShouldBe(200).Results.Should().BeEmpty();
        (await f.Admin.GetAsync($"{Channels}?status=preview")).ShouldBe(200).Results.Should().BeEmpty();
    }

    [Fact]
    public async Task List_BadQuery_Is400()
    {
        (await f.Admin.GetAsync($"{Channels}?limit=1001")).ShouldBeError(400, "BadRequest");
        (await f.Admin.GetAsync($"{Channels}?limit=0")).ShouldBeError(400, "BadRequest");
        (await f.Admin.GetAsync($"{Channels}?platform=what%20sapp")).ShouldBeError(400, "BadRequest");
        (await f.Admin.GetAsync($"{Channels}?pageToken=garbage")).ShouldBeError(400, "BadRequest");
    }

    [Fact]
    public async Task Get_UnknownChannel_Is404()
    {
        (await f.Admin.GetAsync($"{Channels}/{Guid.NewGuid()}")).ShouldBeError(404, "NotFound");
    }
}
