using BirdInfra.Tests.Reliability;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>
/// Faults injected by the emulator during `up`: the emulator's call log shows each fault fired and what the client did
/// next; the run converges and Bird never holds a duplicate.
/// </summary>
public sealed class FaultTests : IAsyncLifetime
{
    private StackWorkspace _ws = null!;

    public async Task InitializeAsync() => _ws = await StackWorkspace.CreateAsync();

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task CreatesWhoseAnswerIsLost_AreAdoptedOrRedone_NeverDuplicated()
    {
        // Bird processes each first create, then answers 500 (or drops the connection): the outcome is unknown.
        foreach (var path in new[] { "/organizations/*/iam-policies", "/organizations/*/iam-roles", "/organizations/*/access-keys", "/workspaces/*/connectors" })
        {
            await _ws.SendAsync(HttpMethod.Post, "/_emulator/faults", new { method = "POST", path, errorRate = 1.0, errorStatus = 500, phase = "after", remaining = 1 });
        }

        await _ws.SendAsync(HttpMethod.Post, "/_emulator/faults", new { method = "POST", path = "/organizations/*/workspaces/*/webhook-subscriptions", dropRate = 1.0, phase = "after", remaining = 1 });
        await _ws.ResetCallLogAsync();

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
        var calls = await CallLog.ReadAsync(_ws);
        var faulted = calls.Where(c => c.Fault is not null).ToList();
        faulted.Where(c => c.Fault == "errorAfter").Select(c => (c.Method, Collection(c.Path), c.Status)).Should().BeEquivalentTo(
            new[] { "iam-policies", "iam-roles", "access-keys", "connectors" }.Select(kind => ("POST", kind, 500)),
            "each kind's first create was processed, then answered 500");
        faulted.Where(c => c.Fault == "dropAfter").Select(c => (c.Method, Collection(c.Path), c.Status)).Should().Equal(
            [("POST", "webhook-subscriptions", 0)], "the first subscription create was processed, then its connection dropped");
        faulted.Should().HaveCount(5, "each fault fires once");
        foreach (var (fault, at) in calls.Select((c, i) => (c, i)).Where(c => c.c.Fault is not null))
        {
            calls.Skip(at + 1).Should().Contain(
                c => c.Path == fault.Path && c.Status >= 200 && c.Status < 300,
                $"after the lost answer to {fault.Method} {fault.Path} the client asks Bird again (reads to adopt, or creates anew)");
        }

        await AssertExactlyTheScenarioAsync();
        (await _ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task RateLimitsAndServerErrors_AreRetried_AndTheRunConverges()
    {
        // 429s on the creates (several run at once) and 503s on reads: the run's first request, the webhook catalogue read,
        // is alone, so six 429s on it would exceed the retry bound (5 attempts) by design.
        await _ws.SendAsync(HttpMethod.Post, "/_emulator/faults", new { method = "POST", path = "/**", tooManyRequestsRate = 1.0, remaining = 6 });
        await _ws.SendAsync(HttpMethod.Post, "/_emulator/faults", new { method = "GET", path = "/**", errorRate = 1.0, errorStatus = 503, remaining = 3 });
        await _ws.ResetCallLogAsync();

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
        var calls = await CallLog.ReadAsync(_ws);
        calls.Where(c => c.Fault is not null).Select(c => (c.Method, c.Status, c.Fault)).Should().BeEquivalentTo(
            Enumerable.Repeat(("POST", 429, (string?)"tooManyRequests"), 6).Concat(Enumerable.Repeat(("GET", 503, (string?)"error"), 3)),
            "every injected fault fired, and nothing else failed");
        foreach (var (fault, at) in calls.Select((c, i) => (c, i)).Where(c => c.c.Fault is not null))
        {
            calls.Skip(at + 1).Should().Contain(
                c => c.Method == fault.Method && c.Path == fault.Path && c.Status >= 200 && c.Status < 300,
                $"the refused {fault.Method} {fault.Path} is retried until Bird accepts it");
        }

        var posts = calls.Where(c => c.Method == "POST").ToList();
        posts.Count(c => c.Status is >= 200 and < 300).Should().Be(7, "one create per declared object: policy, role, key, connector, three subscriptions");
        posts.Should().HaveCount(7 + 6, "each of the six refused creates was sent once more, no create more");
        await AssertExactlyTheScenarioAsync();
        (await _ws.RunAsync("preview", "--stack", "e2e", "--detailed-exitcode")).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task AFailureThatPersists_StopsWithAnErrorNamingTheOperation_AndTheNextRunConverges()
    {
        await _ws.SendAsync(HttpMethod.Post, "/_emulator/faults", new { method = "POST", path = "/workspaces/*/connectors", errorRate = 1.0, errorStatus = 503, remaining = 20 });

        var failed = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        failed.ExitCode.Should().Be(1);
        failed.Error.Should().Contain("Create Connector main-number failed");

        await _ws.SendAsync(HttpMethod.Delete, "/_emulator/faults");
        var again = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        again.ExitCode.Should().Be(0, again.All);
        await AssertExactlyTheScenarioAsync();
    }

    /// <summary>The collection a call's path names: "/organizations/o/iam-roles" → "iam-roles".</summary>
    private static string Collection(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

    private async Task AssertExactlyTheScenarioAsync()
    {
        (await _ws.ListAsync(_ws.OrgPath("iam-policies"))).Should().ContainSingle();
        (await _ws.ListAsync(_ws.OrgPath("iam-roles"))).Should().ContainSingle();
        (await _ws.ListAsync(_ws.OrgPath("access-keys"))).Should().ContainSingle();
        (await _ws.ListAsync(_ws.WorkspacePath("connectors"))).Should().ContainSingle();
        (await _ws.ListAsync(_ws.OrgPath($"workspaces/{_ws.Emulator.WorkspaceId}/webhook-subscriptions"))).Should().HaveCount(3);
    }
}
