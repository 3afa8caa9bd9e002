using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Faults;

/// <summary>
/// The call log counts exactly and resets; the rate limit answers 429 like Bird. Own emulator on a clock the tests move,
/// sequential tests.
/// </summary>
public sealed class CallLogAndRateLimitTests(ManualClockEmulatorFixture f) : IClassFixture<ManualClockEmulatorFixture>
{
    [Fact]
    public async Task CallLog_RecordsEveryApiRequest_ButNotControls_AndResets()
    {
        (await f.Admin.DeleteAsync("_emulator/calls")).ShouldBe(204);

        await f.Admin.GetAsync($"organizations/{f.Org}/workspaces?limit=5");
        await f.As(null).GetAsync($"workspaces/{f.Ws}/channels");
        await f.Admin.PostAsync($"organizations/{f.Org}/iam-policies", new { });

        var calls = (await f.Admin.GetAsync("_emulator/calls")).ShouldBe(200).Results;
        calls.Select(c => (c["method"]!.GetValue<string>(), c["path"]!.GetValue<string>(), c["status"]!.GetValue<int>())).Should().Equal(
            ("GET", $"/organizations/{f.Org}/workspaces", 200),
            ("GET", $"/workspaces/{f.Ws}/channels", 401),
            ("POST", $"/organizations/{f.Org}/iam-policies", 422));
        calls[0]["query"]!.GetValue<string>().Should().Be("limit=5");
        calls[0]["timestamp"]!.GetValue<string>().Should().EndWith("Z");

        (await f.Admin.DeleteAsync("_emulator/calls")).ShouldBe(204);
        (await f.Admin.GetAsync("_emulator/calls")).Results.Should().BeEmpty();
    }

    [Fact]
    public async Task RateLimit_Answers429_PerSecondWindow_AndCanBeTurnedOff()
    {
        // Start on a whole second, so the window is [now, now + 1 s) exactly; the emulator's clock moves only here.
        var now = f.Clock.GetUtcNow();
        f.Clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - (now.UtcTicks % TimeSpan.TicksPerSecond)));
        (await f.Admin.PutAsync("_emulator/rate-limit", new { getPerSecond = 3, postPerSecond = (int?)null })).ShouldBe(200)
            .Body["getPerSecond"]!.GetValue<int>().Should().Be(3);
        try
        {
            (await GetWorkspacesAsync(4)).Should().Equal([200, 200, 200, 429], "three GETs a second are allowed, the fourth is refused");
            f.Clock.Advance(TimeSpan.FromMilliseconds(999));
            (await GetWorkspacesAsync(1)).Should().Equal([429], "the window lasts the whole second");
            var limited = await f.Admin.GetAsync($"organizations/{f.Org}/workspaces");
            limited.ShouldBeError(429, "TooManyRequests");
            limited.Headers.RetryAfter.Should().BeNull("Bird documents no Retry-After");
            (await f.Admin.PostAsync($"organizations/{f.Org}/iam-policies", new { })).ShouldBe(422, "POST is not limited here");

            f.Clock.Advance(TimeSpan.FromMilliseconds(1));
            (await GetWorkspacesAsync(4)).Should().Equal([200, 200, 200, 429], "a new second is a new window");
            f.Clock.Advance(TimeSpan.FromSeconds(1));
            (await GetWorkspacesAsync(4)).Should().Equal([200, 200, 200, 429], "and so is the next one: every window is one second");
        }
        finally
        {
            (await f.Admin.PutAsync("_emulator/rate-limit", new { getPerSecond = 0, postPerSecond = 0 })).ShouldBe(200);
        }

        (await GetWorkspacesAsync(6)).Should().OnlyContain(status => status == 200, "the limit is off, in the same second");
        (await f.Admin.GetAsync("_emulator/rate-limit")).Body["getPerSecond"].Should().BeNull();
    }

    private async Task<List<int>> GetWorkspacesAsync(int count)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await f.Admin.GetAsync($"organizations/{f.Org}/workspaces")).Status);
        }

        return statuses;
    }
}
