using BirdInfra.Emulator.Deliveries;

namespace BirdInfra.Emulator.Connectors;

/// <summary>
/// Creates each connector's channel once its delay has passed, on a timer rather than on a request, the way Bird
/// installs in the background: the channel starts <c>pending</c> (linked to the connector, announced by
/// <c>channel.created</c>) and becomes <c>active</c> after <see cref="EmulatorOptions.ChannelActivationDelay"/>
/// (announced by <c>channel.updated</c>), so a client sees a channel that exists before it works.
/// </summary>
internal sealed class ChannelProvisioner(EmulatorStore store, WebhookDispatcher dispatcher, EmulatorOptions options, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(25);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        while (await WaitAsync(timer, stoppingToken))
        {
            foreach (var (channel, @event) in ProvisionDue())
            {
                dispatcher.Publish(
                    channel.WorkspaceId,
                    "channels",
                    @event,
                    channel,
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

    /// <summary>Channels created (<c>channel.created</c>) or activated (<c>channel.updated</c>) since the last tick.</summary>
    private List<(ChannelRecord Channel, string Event)> ProvisionDue()
    {
        var now = time.NowMs();
        if (!store.Read(state => state.Connectors.Values.Any(c => c.Channel is null && c.ChannelDueAt <= now)
                || state.Channels.Values.Any(c => c.Status == ChannelRecord.Pending && c.ActiveAt <= now)))
        {
            return [];
        }

        return store.Write<List<(ChannelRecord, string)>>(state =>
        {
            var changed = new List<(ChannelRecord, string)>();
            foreach (var pending in state.Channels.Values.Where(c => c.Status == ChannelRecord.Pending && c.ActiveAt <= now).ToList())
            {
                var active = pending with { Status = ChannelRecord.Active, UpdatedAt = now };
                state.Channels[active.Id] = active;
                changed.Add((active, "channel.updated"));
            }

            foreach (var connector in state.Connectors.Values.Where(c => c.Channel is null && c.ChannelDueAt <= now).ToList())
            {
                var platform = connector.ConnectorTemplateRef.Split(':')[0];
                var identifier = connector.Arguments["phoneNumber"]?.GetValue<string>() ?? "";
                var activeAt = now + options.ChannelActivationDelay;
                var status = options.ChannelActivationDelay > TimeSpan.Zero ? ChannelRecord.Pending : ChannelRecord.Active;
                var channel = new ChannelRecord(Clock.NewId(), connector.WorkspaceId, platform, connector.Name, connector.Id, identifier, status, now, now, activeAt);
                state.Channels[channel.Id] = channel;
                state.Connectors[connector.Id] = connector with { Channel = new ConnectorChannel(channel.Id, platform), UpdatedAt = now };
                changed.Add((channel, "channel.created"));
            }

            return changed;
        }).Value ?? [];
    }
}
