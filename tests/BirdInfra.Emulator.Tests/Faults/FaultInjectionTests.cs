using System.Diagnostics;
using BirdInfra.Emulator.Tests.Support;

namespace BirdInfra.Emulator.Tests.Faults;

/// <summary>Fault rules and the call log. Each test scopes its rules to its own path so tests do not interfere.</summary>
public sealed class FaultInjectionTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private async Task<string> AddFaultAsync(object rule) => (await f.Admin.PostAsync("_emulator/faults", rule)).ShouldBe(201).Id;

    [Fact]
    public async Task TooManyRequests_WithAndWithoutRetryAfter_AndRemainingExpires()
    {
        var policy = await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/x" } });
        var path = $"organizations/{f.Org}/iam-policies/{policy}";
        await AddFaultAsync(new { method = "GET", path = "/" + path, tooManyRequestsRate = 1.0, retryAfterSeconds = 2, remaining = 2 });

        var first = (await f.Admin.GetAsync(path)).ShouldBeError(429, "TooManyRequests");
        first.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2));
        (await f.Admin.GetAsync(path)).ShouldBeError(429, "TooManyRequests");
        (await f.Admin.GetAsync(path)).ShouldBe(200, "the rule expired after its 2 requests");
        (await f.Admin.GetAsync("_emulator/faults")).Results.Should().BeEmpty();

        await AddFaultAsync(new { method = "GET", path = "/" + path, tooManyRequestsRate = 1.0, retryAfterSeconds = (double?)null, remaining = 1 });
        (await f.Admin.GetAsync(path)).ShouldBeError(429, "TooManyRequests").Headers.RetryAfter.Should().BeNull();
        (await f.Admin.GetAsync(path)).ShouldBe(200);
    }

    [Fact]
    public async Task ServerError_BeforeProcessing_CreatesNothing()
    {
        var ws = f.Ws;
        var phone = Phones.Next();
        await AddFaultAsync(new { method = "POST", path = "/workspaces/*/connectors", errorRate = 1.0, errorStatus = 503, remaining = 1 });

        (await f.Admin.PostAsync($"workspaces/{ws}/connectors", EmulatorFixture.WhatsAppConnector(phone))).ShouldBeError(503, "InternalError");

        (await f.Admin.GetAsync($"workspaces/{ws}/connectors?limit=100")).Text.Should().NotContain(phone);
    }

    [Fact]
    public async Task ServerError_AfterProcessing_CreatesTheObjectButHidesTheOutcome()
    {
        var phone = Phones.Next();
        await AddFaultAsync(new { method = "POST", path = "/workspaces/*/connectors", errorRate = 1.0, errorStatus = 502, phase = "after", remaining = 1 });

        var response = (await f.Admin.PostAsync($"workspaces/{f.Ws}/connectors", EmulatorFixture.WhatsAppConnector(phone))).ShouldBeError(502, "InternalError");

        response.Text.Should().NotContain(phone);
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/connectors?limit=100")).Text.Should().Contain(phone);
        (await f.Admin.PostAsync($"workspaces/{f.Ws}/connectors", EmulatorFixture.WhatsAppConnector(phone))).ShouldBeError(409, "Conflict", "a blind retry meets the object it created");
    }

    [Fact]
    public async Task Drop_AfterProcessing_CreatesTheObjectButAbortsTheConnection()
    {
        var phone = Phones.Next();
        await AddFaultAsync(new { method = "POST", path = "/workspaces/*/connectors", dropRate = 1.0, phase = "after", remaining = 1 });

        var act = () => f.Admin.PostAsync($"workspaces/{f.Ws}/connectors", EmulatorFixture.WhatsAppConnector(phone));

        await act.Should().ThrowAsync<HttpRequestException>();
        (await f.Admin.GetAsync($"workspaces/{f.Ws}/connectors?limit=100")).Text.Should().Contain(phone);
    }

    [Fact]
    public async Task Latency_DelaysTheResponse()
    {
        var policy = await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/x" } });
        var path = $"organizations/{f.Org}/iam-policies/{policy}";
        await AddFaultAsync(new { path = "/" + path, latencyMs = 300, remaining = 1 });

        var clock = Stopwatch.StartNew();
        (await f.Admin.GetAsync(path)).ShouldBe(200);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task Drop_AbortsTheConnection()
    {
        var policy = await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/x" } });
        var path = $"organizations/{f.Org}/iam-policies/{policy}";
        await AddFaultAsync(new { path = "/" + path, dropRate = 1.0, remaining = 1 });

        var act = () => f.Admin.GetAsync(path);

        await act.Should().ThrowAsync<HttpRequestException>();
        (await f.Admin.GetAsync(path)).ShouldBe(200);
        var calls = (await f.Admin.GetAsync("_emulator/calls")).Results.Where(c => c["path"]!.GetValue<string>() == "/" + path).ToList();
        calls.Select(c => c["status"]!.GetValue<int>()).Should().Equal(0, 200);
        calls[0]["fault"]!.GetValue<string>().Should().Be("drop");
    }

    [Fact]
    public async Task FaultRules_CanBeListedAndDeleted_AndInvalidRulesAre422()
    {
        var id = await AddFaultAsync(new { path = "/never/matches", errorRate = 0.5, seed = 3 });
        (await f.Admin.GetAsync("_emulator/faults")).ShouldBe(200).ResultIds.Should().Contain(id);
        (await f.Admin.DeleteAsync($"_emulator/faults/{id}")).ShouldBe(204);
        (await f.Admin.GetAsync("_emulator/faults")).ResultIds.Should().NotContain(id);
        (await f.Admin.DeleteAsync($"_emulator/faults/{id}")).ShouldBeError(404, "NotFound");
        (await f.Admin.PostAsync("_emulator/faults", new { path = "/x", errorStatus = 501 })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PostAsync("_emulator/faults", new { path = "/x", errorRate = 2 })).ShouldBeError(422, "InvalidPayload");
        (await f.Admin.PostAsync("_emulator/faults", new { errorRate = 1 })).ShouldBeError(422, "InvalidPayload");
    }

    [Fact]
    public async Task SeededRates_RepeatTheSameSequence()
    {
        var policy = await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/x" } });
        var path = $"organizations/{f.Org}/iam-policies/{policy}";

        async Task<List<int>> SequenceAsync()
        {
            await AddFaultAsync(new { path = "/" + path, errorRate = 0.5, seed = 42, remaining = 12 });
            var statuses = new List<int>();
            for (var i = 0; i < 12; i++)
            {
                statuses.Add((await f.Admin.GetAsync(path)).Status);
            }

            return statuses;
        }

        var first = await SequenceAsync();
        var second = await SequenceAsync();

        second.Should().Equal(first);
        first.Should().Contain(500).And.Contain(200, "a rate of 0.5 over 12 requests hits some and misses some");
    }

    [Fact]
    public async Task Controls_AreAdminOnly()
    {
        var key = f.As(await f.CreateKeyAsync(await f.CreateRoleAsync(await f.CreatePolicyAsync(new { effect = "allow", actions = new[] { "any" }, resources = new[] { "/**" } }))));
        (await key.GetAsync("_emulator/calls")).ShouldBeError(403, "Forbidden");
        (await key.PostAsync("_emulator/faults", new { path = "/**", errorRate = 1 })).ShouldBeError(403, "Forbidden");
        (await f.As(null).GetAsync("_emulator/deliveries")).ShouldBeError(401, "Unauthorized");
    }
}
