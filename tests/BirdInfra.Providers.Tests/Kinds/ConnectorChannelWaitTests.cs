using BirdInfra.Providers.Connector;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.Tests.Client;
using BirdInfra.Providers.Tests.Support;
using Flurl.Http.Testing;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Kinds;

/// <summary>A connector's create waits for Bird's channel on the context's clock: these tests move that clock by hand, never sleeping.</summary>
public sealed class ConnectorChannelWaitTests
{
    private const string Pending = """{"id":"cn-1","name":"wa-1","connectorTemplateRef":"whatsapp:1","arguments":{"wabaId":"102290129340398","phoneId":"106540352242922","phoneNumber":"+31612345678"}}""";

    private const string Ready = """{"id":"cn-1","name":"wa-1","connectorTemplateRef":"whatsapp:1","arguments":{"wabaId":"102290129340398","phoneId":"106540352242922","phoneNumber":"+31612345678"},"channel":{"channelId":"ch-1","platform":"whatsapp"}}""";

    private const string ActiveChannel = """{"id":"ch-1","platformId":"whatsapp","status":"active"}""";

    private static readonly PropertyMap Inputs = Map(
        ("name", S("wa-1")),
        ("wabaId", S("102290129340398")),
        ("phoneId", S("106540352242922")),
        ("phoneNumber", S("+31612345678")),
        ("accessToken", Secret("EAAG-token")));

    [Fact]
    public async Task Create_WhenTheChannelNeverAppears_FailsAfterTheTimeout_WithTheConnectorRecorded()
    {
        using var http = new HttpTest();
        http.Respond(201, Pending).Respond(50, 200, Pending);
        using var c = new RecordingClient();
        var time = new ManualTimeProvider();
        var context = new ProviderContext(c.Client, "org-1", "ws-1") { Time = time, LateOutputTimeout = TimeSpan.FromSeconds(30) };
        var started = time.GetUtcNow();

        var create = new ConnectorKind().CreateAsync(context, Inputs, CancellationToken.None);
        await RunClockUntilDoneAsync(time, create);

        var failure = (await FluentActions.Awaiting(() => create).Should().ThrowAsync<ResourceInitFailedException>()).Which;
        failure.Message.Should().Contain("its channel did not appear within 30 s").And.NotContain("EAAG-token");
        failure.Snapshot.Id.Should().Be("cn-1", "the half-made connector is recorded, not leaked");
        (time.GetUtcNow() - started).Should().Be(TimeSpan.FromSeconds(30), "the wait ends exactly at the timeout on the context's clock");
    }

    [Fact]
    public async Task Create_WhenTheChannelAppearsAfterSomePolls_ReturnsItsId()
    {
        using var http = new HttpTest();
        http.Respond(201, Pending).Respond(3, 200, Pending).Respond(200, Ready).Respond(200, ActiveChannel);
        using var c = new RecordingClient();
        var time = new ManualTimeProvider();
        var context = new ProviderContext(c.Client, "org-1", "ws-1") { Time = time };
        var started = time.GetUtcNow();

        var create = new ConnectorKind().CreateAsync(context, Inputs, CancellationToken.None);
        await RunClockUntilDoneAsync(time, create);

        var created = await create;
        created.Outputs["channelId"].Should().Be(S("ch-1"));
        created.Outputs["channelStatus"].Should().Be(S("active"));

        // Polls back off from 200 ms, doubling: 0.2 + 0.4 + 0.8 + 1.6 s before the fifth read finds the channel.
        (time.GetUtcNow() - started).Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Create_WhenTheRunIsCancelledDuringTheWait_StopsWaiting_WithTheConnectorRecorded()
    {
        using var http = new HttpTest();
        http.Respond(201, Pending).Respond(50, 200, Pending);
        using var c = new RecordingClient();
        var time = new ManualTimeProvider();
        using var stop = new CancellationTokenSource();
        var context = new ProviderContext(c.Client, "org-1", "ws-1") { Time = time, LateOutputTimeout = TimeSpan.FromSeconds(30), StopWaiting = stop.Token };

        var create = new ConnectorKind().CreateAsync(context, Inputs, CancellationToken.None);
        await Task.WhenAny(create, time.TimerScheduledAsync());
        time.AdvanceToNextTimer();
        await Task.WhenAny(create, time.TimerScheduledAsync());
        await stop.CancelAsync();

        var failure = (await FluentActions.Awaiting(() => create).Should().ThrowAsync<ResourceInitFailedException>()).Which;
        failure.Message.Should().Contain("cancelled while waiting for Bird to create its channel").And.Contain("recorded");
        failure.Snapshot.Id.Should().Be("cn-1", "the connector Bird made is handed over, not lost");
        failure.Snapshot.Outputs["accessToken"]!.IsSecret.Should().BeTrue();
    }

    /// <summary>Fires each timer the create waits on, until it finishes.</summary>
    private static async Task RunClockUntilDoneAsync(ManualTimeProvider time, Task create)
    {
        while (!create.IsCompleted)
        {
            await Task.WhenAny(create, time.TimerScheduledAsync());
            time.AdvanceToNextTimer();
        }
    }
}
