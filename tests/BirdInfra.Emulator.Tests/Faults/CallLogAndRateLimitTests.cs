using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Faults;

/// <summary>The call log counts exactly and resets; the rate limit answers 429 like Bird. Own emulator, sequential tests.</summary>
public sealed class CallLogAndRateLimitTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
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
        (await f.Admin.PutAsync("_emulator/rate-limit", new { getPerSecond = 3, postPerSecond = (int?)null })).ShouldBe(200)
            .Body["getPerSecond"]!.GetValue<int>().Should().Be(3);
        try
        {
            var responses = new List<ApiResponse>();
            for (var i = 0; i < 8; i++)
            {
                responses.Add(await f.Admin.GetAsync($"organizations/{f.Org}/workspaces"));
            }

            // Eight quick GETs at 3/s fall into at most two one-second windows, so at least two are refused.
            responses.Should().OnlyContain(r => r.Status == 200 || r.Status == 429);
            var limited = responses.Where(r => r.Status == 429).ToList();
            limited.Should().HaveCountGreaterThanOrEqualTo(2);
            limited[0].ShouldBeError(429, "TooManyRequests");
            limited[0].Headers.RetryAfter.Should().BeNull("Bird documents no Retry-After");
            (await f.Admin.PostAsync($"organizations/{f.Org}/iam-policies", new { })).ShouldBe(422, "POST is not limited here");
        }
        finally
        {
            (await f.Admin.PutAsync("_emulator/rate-limit", new { getPerSecond = 0, postPerSecond = 0 })).ShouldBe(200);
        }

        for (var i = 0; i < 6; i++)
        {
            (await f.Admin.GetAsync($"organizations/{f.Org}/workspaces")).ShouldBe(200);
        }

        (await f.Admin.GetAsync("_emulator/rate-limit")).Body["getPerSecond"].Should().BeNull();
    }
}
