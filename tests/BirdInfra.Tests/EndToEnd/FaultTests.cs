using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.EndToEnd;

/// <summary>Faults injected by the emulator during `up`: the run converges and Bird never holds a duplicate.</summary>
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

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
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

        var up = await _ws.RunAsync("up", "--stack", "e2e", "--yes");
        up.ExitCode.Should().Be(0, up.All);
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

    private async Task AssertExactlyTheScenarioAsync()
    {
        (await _ws.ListAsync(_ws.OrgPath("iam-policies"))).Should().ContainSingle();
        (await _ws.ListAsync(_ws.OrgPath("iam-roles"))).Should().ContainSingle();
        (await _ws.ListAsync(_ws.OrgPath("access-keys"))).Should().ContainSingle();
        (await _ws.ListAsync(_ws.WorkspacePath("connectors"))).Should().ContainSingle();
        (await _ws.ListAsync(_ws.OrgPath($"workspaces/{_ws.Emulator.WorkspaceId}/webhook-subscriptions"))).Should().HaveCount(3);
    }
}
