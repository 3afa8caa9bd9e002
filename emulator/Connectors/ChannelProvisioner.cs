using BirdInfra.Emulator.Channels;
using BirdInfra.Emulator.Deliveries;
using BirdInfra.Emulator.Http;
using BirdInfra.Emulator.Store;

namespace BirdInfra.Emulator.Connectors;

/// <summary>
/// Creates each connector's channel once its delay has passed, on a timer rather than on a request, the
/// way Bird installs in the background; then links it and announces <c>channel.created</c>.
/// </summary>
internal sealed class ChannelProvisioner(EmulatorStore store, WebhookDispatcher dispatcher, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(25);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        while (await WaitAsync(timer, stoppingToken))
        {
            foreach (var channel in ProvisionDue())
            {
                dispatcher.Publish(
                    channel.WorkspaceId,
                    "channels",
                    "channel.created",
                    ChannelView.From(channel),
                    new Dictionary<string, string> { ["platformId"] = channel.PlatformId, ["channelStatus"] = channel.Status, ["channelId"] = channel.Id });
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private List<ChannelRecord> ProvisionDue()
    {
        var now = time.NowMs();
        if (!store.Read(state => state.Connectors.Values.Any(c => c.Channel is null && c.ChannelDueAt <= now)))
        {
            return [];
        }

        return store.Write<List<ChannelRecord>>(state =>
        {
            var created = new List<ChannelRecord>();
            foreach (var connector in state.Connectors.Values.Where(c => c.Channel is null && c.ChannelDueAt <= now).ToList())
            {
                var platform = connector.ConnectorTemplateRef.Split(':')[0];
                var identifier = connector.Arguments["phoneNumber"]?.GetValue<string>() ?? "";
                var channel = new ChannelRecord(Clock.NewId(), connector.WorkspaceId, platform, connector.Name, connector.Id, identifier, "active", now, now);
                state.Channels[channel.Id] = channel;
                state.Connectors[connector.Id] = connector with { Channel = new ConnectorChannel(channel.Id, platform), UpdatedAt = now };
                created.Add(channel);
            }

            return created;
        }).Value ?? [];
    }
}
