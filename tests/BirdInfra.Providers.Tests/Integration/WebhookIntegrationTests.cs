using System.Net;
using System.Text.Json.Nodes;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.WebhookSubscription;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Integration;

/// <summary>Webhook subscriptions: CRUD, one PATCH per update, the signing key carried over from state.</summary>
public sealed class WebhookIntegrationTests
{
    private const string SigningKey = "integration-signing-key-value";

    private readonly WebhookSubscriptionKind _kind = new(allowHttpLoopback: true);

    private static PropertyMap Inputs(string url = "https://hooks.example.com/bird") => Map(
        ("service", S("channels")),
        ("event", S("whatsapp.inbound")),
        ("url", S(url)),
        ("signingKey", S(SigningKey)),
        ("eventFilters", L(M(("key", S("channelId")), ("value", S("5d2c0000-0000-4000-8000-000000000001"))))));

    [Fact]
    public async Task Webhook_CreateListReadUpdateDelete()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var ct = CancellationToken.None;

        var created = await _kind.CreateAsync(f.Context, Inputs(), ct);

        created.Outputs["organizationId"].Should().Be(S(f.Emulator.OrganizationId));
        created.Outputs["workspaceId"].Should().Be(S(f.Emulator.WorkspaceId));
        created.Inputs["signingKey"]!.IsSecret.Should().BeTrue();
        _kind.Diff(created, Inputs()).Should().Be(DiffResult.Same);

        var live = (await _kind.ListAsync(f.Context, ct)).Should().ContainSingle(s => s.Id == created.Id).Which;
        live.Inputs.ContainsKey("signingKey").Should().BeFalse();
        _kind.Diff(_kind.MergeLive(created, live), Inputs()).Should().Be(DiffResult.Same);

        var desired = Inputs("http://127.0.0.1:9/hook");
        _kind.Diff(created, desired).Outcome.Should().Be(DiffOutcome.Update);
        await f.ClearCallsAsync();
        var updated = await _kind.UpdateAsync(f.Context, created, desired, ct);

        var calls = await f.CallsAsync();
        calls.Should().ContainSingle().Which.Should().Be(("PATCH", $"/organizations/{f.Emulator.OrganizationId}/workspaces/{f.Emulator.WorkspaceId}/webhook-subscriptions/{created.Id}", 200));
        _kind.Diff(updated, desired).Should().Be(DiffResult.Same);
        (await _kind.ReadAsync(f.Context, updated, ct))!.Inputs["url"].Should().Be(S("http://127.0.0.1:9/hook"));

        var inactive = await _kind.UpdateAsync(f.Context, updated, desired.With("status", S("inactive")), ct);
        inactive.Inputs["status"].Should().Be(S("inactive"));
        inactive.Inputs["signingKey"]!.RevealString().Should().Be(SigningKey);

        await _kind.DeleteAsync(f.Context, inactive, ct);
        (await _kind.ReadAsync(f.Context, inactive, ct)).Should().BeNull();
    }

    [Fact]
    public async Task Webhook_RemovingTheSigningKey_IsAReplacementWithoutAnyPatch()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var ct = CancellationToken.None;
        var created = await _kind.CreateAsync(f.Context, Inputs(), ct);
        var desired = Inputs().Without("signingKey");

        var diff = _kind.Diff(created, desired);
        diff.Outcome.Should().Be(DiffOutcome.Replace);
        diff.DeleteBeforeReplace.Should().BeTrue();

        // What the applier does for such a plan: delete, then create (Bird would 409 the other order).
        await f.ClearCallsAsync();
        await FluentActions.Awaiting(() => _kind.UpdateAsync(f.Context, created, desired, ct)).Should().ThrowAsync<InvalidOperationException>();
        await _kind.DeleteAsync(f.Context, created, ct);
        var replacement = await _kind.CreateAsync(f.Context, desired, ct);

        var collection = $"/organizations/{f.Emulator.OrganizationId}/workspaces/{f.Emulator.WorkspaceId}/webhook-subscriptions";
        (await f.CallsAsync()).Should().Equal(("DELETE", $"{collection}/{created.Id}", 204), ("POST", collection, 201));
        replacement.Inputs.ContainsKey("signingKey").Should().BeFalse();
        _kind.Diff(replacement, desired).Should().Be(DiffResult.Same);
    }

    [Fact]
    public async Task Webhook_PatchWithNullSigningKey_IsRejectedByTheEmulatorAsByBird()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var created = await _kind.CreateAsync(f.Context, Inputs(), CancellationToken.None);
        var item = $"/organizations/{f.Emulator.OrganizationId}/workspaces/{f.Emulator.WorkspaceId}/webhook-subscriptions/{created.Id}";

        var failure = await FluentActions.Awaiting(() => f.Client.PatchAsync<JsonObject>(item, new Dictionary<string, object?> { ["signingKey"] = null }, CancellationToken.None))
            .Should().ThrowAsync<BirdApiException>();

        failure.Which.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Webhook_CreateInactive_PatchesStatusAfterCreate()
    {
        await using var f = await EmulatorFixture.StartAsync();
        await f.ClearCallsAsync();

        var created = await _kind.CreateAsync(f.Context, Inputs().With("status", S("inactive")), CancellationToken.None);

        var collection = $"/organizations/{f.Emulator.OrganizationId}/workspaces/{f.Emulator.WorkspaceId}/webhook-subscriptions";
        (await f.CallsAsync()).Where(c => c.Method != "GET").Should().Equal(
            [("POST", collection, 201), ("PATCH", $"{collection}/{created.Id}", 200)],
            "Bird's create takes no status: the subscription is created, then patched to inactive");
        created.Inputs["status"].Should().Be(S("inactive"));
        (await _kind.ReadAsync(f.Context, created, CancellationToken.None))!.Inputs["status"].Should().Be(S("inactive"));
    }

    [Fact]
    public async Task Webhook_WhenCreateAnswerIsLost_ReportsOutcomeUnknownAndNaturalKeyFindsIt()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var ct = CancellationToken.None;
        await f.AddFaultAsync(new { method = "POST", path = "/organizations/*/workspaces/*/webhook-subscriptions", dropRate = 1.0, phase = "after", remaining = 1 });

        var failure = await FluentActions.Awaiting(() => _kind.CreateAsync(f.Context, Inputs(), ct)).Should().ThrowAsync<BirdApiException>();

        failure.Which.OutcomeUnknown.Should().BeTrue();
        failure.Which.Attempts.Should().Be(1, "a POST that may have been applied is not sent twice");
        failure.Which.ToString().Should().NotContain(SigningKey);
        var key = _kind.NaturalKey(_kind.Check(Inputs()).Inputs);
        (await _kind.ListAsync(f.Context, ct)).Should().ContainSingle(s => _kind.NaturalKey(s.Inputs) == key);
    }
}
