using System.Net;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Connector;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Integration;

/// <summary>The connector waits for its channel, never leaks its token, and replaces cleanly.</summary>
public sealed class ConnectorIntegrationTests
{
    private const string Token = "EAAG-integration-meta-token";

    private readonly ConnectorKind _kind = new();

    private static PropertyMap Inputs(string phone = "+31612345678") => Map(
        ("name", S("wa " + phone)),
        ("wabaId", S("102290129340398")),
        ("phoneId", S("106540352242922")),
        ("phoneNumber", S(phone)),
        ("accessToken", S(Token)));

    [Fact]
    public async Task Connector_CreateWaitsForChannelThenListReadDelete()
    {
        await using var f = await EmulatorFixture.StartAsync(channelDelay: TimeSpan.FromMilliseconds(400));
        var ct = CancellationToken.None;

        var created = await _kind.CreateAsync(f.Context, Inputs(), ct);

        created.Outputs["channelId"]!.AsString().Should().NotBeNullOrEmpty();
        created.Outputs["platform"].Should().Be(S("whatsapp"));
        created.Inputs["accessToken"]!.IsSecret.Should().BeTrue();
        f.Progress.Should().Contain(line => line.Contains("waiting for Bird to create its channel") && line.Contains(created.Id));
        f.Progress.Should().NotContain(line => line.Contains(Token));

        var listed = await _kind.ListAsync(f.Context, ct);
        var live = listed.Should().ContainSingle(s => s.Id == created.Id).Which;
        live.Inputs.ContainsKey("accessToken").Should().BeFalse("Bird never echoes the token");
        _kind.Diff(_kind.MergeLive(created, live), Inputs()).Should().Be(DiffResult.Same);
        (await _kind.ReadAsync(f.Context, created, ct))!.Outputs["channelId"].Should().Be(created.Outputs["channelId"]);

        var duplicate = await FluentActions.Awaiting(() => _kind.CreateAsync(f.Context, Inputs(), ct)).Should().ThrowAsync<BirdApiException>();
        duplicate.Which.StatusCode.Should().Be(HttpStatusCode.Conflict, "which is why a same-number replacement deletes first");
        duplicate.Which.ToString().Should().NotContain(Token);

        await _kind.DeleteAsync(f.Context, created, ct);
        (await _kind.ReadAsync(f.Context, created, ct)).Should().BeNull();
    }

    [Fact]
    public async Task Connector_WhenChannelNeverAppears_FailsWithThePartialSnapshot()
    {
        await using var f = await EmulatorFixture.StartAsync(channelDelay: TimeSpan.FromMinutes(5), channelTimeout: TimeSpan.FromMilliseconds(400));

        var failure = await FluentActions.Awaiting(() => _kind.CreateAsync(f.Context, Inputs("+31611111111"), CancellationToken.None))
            .Should().ThrowAsync<ResourceInitFailedException>();

        var snapshot = failure.Which.Snapshot;
        snapshot.Id.Should().NotBeNullOrEmpty();
        failure.Which.Message.Should().Contain(snapshot.Id).And.Contain("channel").And.NotContain(Token);
        failure.Which.Kind.Should().Be("Connector");
        (await _kind.ReadAsync(f.Context, snapshot, CancellationToken.None)).Should().NotBeNull("the engine records it and can delete it");
        await _kind.DeleteAsync(f.Context, snapshot, CancellationToken.None);
    }

    [Fact]
    public async Task Connector_UpdateOfACreateSavedWithInitErrors_WaitsForTheChannelAndReturnsIt()
    {
        // Pulumi saved the connector with init errors (its channel came late) and sends Update on the next run, with the
        // same inputs: the update finishes the create instead of failing on every later `pulumi up`.
        await using var f = await EmulatorFixture.StartAsync(channelDelay: TimeSpan.FromSeconds(1.5), channelTimeout: TimeSpan.FromMilliseconds(200));
        var failure = await FluentActions.Awaiting(() => _kind.CreateAsync(f.Context, Inputs("+31622222222"), CancellationToken.None))
            .Should().ThrowAsync<ResourceInitFailedException>();
        var saved = failure.Which.Snapshot;
        saved.Outputs["channelId"].Should().BeNull();

        var finished = await _kind.UpdateAsync(f.Context with { LateOutputTimeout = TimeSpan.FromSeconds(30) }, saved, Inputs("+31622222222"), CancellationToken.None);

        finished.Id.Should().Be(saved.Id);
        finished.Outputs["channelId"]!.AsString().Should().NotBeNullOrEmpty();
        finished.Inputs["accessToken"]!.IsSecret.Should().BeTrue("the token is kept from what was saved");
        await _kind.DeleteAsync(f.Context, finished, CancellationToken.None);
    }

    [Fact]
    public async Task Connector_ReplaceOfSameNumberDeletesFirst()
    {
        await using var f = await EmulatorFixture.StartAsync(channelDelay: TimeSpan.FromMilliseconds(50));
        var ct = CancellationToken.None;
        var old = await _kind.CreateAsync(f.Context, Inputs(), ct);
        var desired = Inputs().With("accessToken", S("rotated-token"));

        var diff = _kind.Diff(old, desired);
        diff.Outcome.Should().Be(DiffOutcome.Replace);
        diff.DeleteBeforeReplace.Should().BeTrue();

        await _kind.DeleteAsync(f.Context, old, ct);
        var replacement = await _kind.CreateAsync(f.Context, desired, ct);

        replacement.Id.Should().NotBe(old.Id);
        _kind.Diff(replacement, desired).Should().Be(DiffResult.Same);
    }

    [Fact]
    public async Task Connector_CreateWaitsUntilTheChannelIsActive_ShowingItsStatus()
    {
        // The emulator's channel appears 'pending' and becomes 'active' 800 ms later: a channel that exists is not yet ready.
        await using var f = await EmulatorFixture.StartAsync(channelDelay: TimeSpan.FromMilliseconds(100), channelActivationDelay: TimeSpan.FromMilliseconds(800));

        var created = await _kind.CreateAsync(f.Context, Inputs("+31633333333"), CancellationToken.None);

        created.Outputs["channelStatus"].Should().Be(S("active"), "create returns only once Bird says the channel works");
        var channelId = created.Outputs["channelId"]!.AsString();
        f.Progress.Should().Contain(line => line.Contains($"channel {channelId} is 'pending'; waiting for it to become 'active'"));
        f.Progress.Should().Contain(line => line.Contains($"channel {channelId} is active (ready)"));
        (await f.CallsAsync()).Should().Contain(c => c.Method == "GET" && c.Path == $"/workspaces/{f.Context.WorkspaceId}/channels/{channelId}" && c.Status == 200);
        await _kind.DeleteAsync(f.Context, created, CancellationToken.None);
    }

    [Fact]
    public async Task Connector_WhenTheChannelStaysPending_TimesOutNamingTheStatus()
    {
        await using var f = await EmulatorFixture.StartAsync(
            channelDelay: TimeSpan.FromMilliseconds(100), channelTimeout: TimeSpan.FromSeconds(1.5), channelActivationDelay: TimeSpan.FromHours(1));

        var failure = await FluentActions.Awaiting(() => _kind.CreateAsync(f.Context, Inputs("+31644444444"), CancellationToken.None))
            .Should().ThrowAsync<ResourceInitFailedException>();

        var snapshot = failure.Which.Snapshot;
        var channelId = snapshot.Outputs["channelId"]!.AsString();
        failure.Which.Message.Should().Contain($"its channel {channelId} was still 'pending' after 1.5 s").And.Contain("'active'").And.NotContain(Token);
        snapshot.Outputs["channelStatus"].Should().Be(S("pending"));
        await _kind.DeleteAsync(f.Context, snapshot, CancellationToken.None);
    }
}
