using System.Text.Json.Nodes;
using BirdInfra.Providers.AccessPolicy;
using BirdInfra.Providers.Client;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Integration;

/// <summary>The client against the emulator's fault injection: retries are counted, pages are 100 objects each.</summary>
public sealed class ClientIntegrationTests
{
    private readonly AccessPolicyKind _policies = new();

    [Fact]
    public async Task Retries_On429And503_AreCountedAndSucceed()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var ct = CancellationToken.None;
        await f.AddFaultAsync(new { method = "GET", path = "/organizations/*/iam-policies", tooManyRequestsRate = 1.0, retryAfterSeconds = 0.05, remaining = 2 });
        await f.AddFaultAsync(new { method = "GET", path = "/organizations/*/iam-roles", errorRate = 1.0, errorStatus = 503, remaining = 3 });
        var before = f.Client.AttemptCount;

        await _policies.ListAsync(f.Context, ct);
        var afterPolicies = f.Client.AttemptCount;
        await f.Client.ListAllAsync<JsonObject>(BirdPaths.Of("organizations", f.Emulator.OrganizationId, "iam-roles"), null, ct);

        (afterPolicies - before).Should().Be(3, "two 429s then success");
        (f.Client.AttemptCount - afterPolicies).Should().Be(4, "three 503s then success");
        var statuses = (await f.CallsAsync()).Select(c => c.Status).ToList();
        statuses.Count(s => s == 429).Should().Be(2);
        statuses.Count(s => s == 503).Should().Be(3);
    }

    [Fact]
    public async Task Retries_StopAtMaxAttempts()
    {
        await using var f = await EmulatorFixture.StartAsync();
        await f.AddFaultAsync(new { method = "GET", path = "/organizations/*/iam-policies", errorRate = 1.0, errorStatus = 500 });

        var failure = await FluentActions.Awaiting(() => _policies.ListAsync(f.Context, CancellationToken.None)).Should().ThrowAsync<BirdApiException>();

        failure.Which.Attempts.Should().Be(5);
        (await f.CallsAsync()).Count(c => c.Status == 500).Should().Be(5);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(99, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(250, 3)]
    public async Task List_OfNObjects_CostsOneCallPerPageOf100(int count, int expectedCalls)
    {
        await using var f = await EmulatorFixture.StartAsync();
        var ct = CancellationToken.None;
        var path = BirdPaths.Of("organizations", f.Emulator.OrganizationId, "iam-policies");
        var body = new { name = "bulk", definitions = new[] { new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/a" } } } };
        for (var i = 0; i < count; i++)
        {
            await f.Client.PostAsync<JsonObject>(path, body, ct);
        }

        await f.ClearCallsAsync();
        var listed = await _policies.ListAsync(f.Context, ct);

        listed.Should().HaveCount(count);
        (await f.CallsAsync()).Should().HaveCount(expectedCalls).And.OnlyContain(c => c.Method == "GET" && c.Status == 200);
    }
}
