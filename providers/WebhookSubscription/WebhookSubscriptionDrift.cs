
namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>
/// A subscription beside the stack, for drift, named by its event: where it sends which events, for which channel
/// (with the connector that owns it), its other filters and its status when not active.
/// </summary>
public sealed class WebhookSubscriptionDrift : IBesideStack
{
    public BesideDescription Describe(ResourceSnapshot live, BesideContext context)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(context);
        var (key, value) = (WebhookSubscriptionFields.FilterKey.Property!, WebhookSubscriptionFields.FilterValue.Property!);
        var filters = (live.Inputs[WebhookSubscriptionFields.EventFilters.Property!]?.AsList() ?? []).Select(f => f.AsMap()).ToList();
        var channel = filters.FirstOrDefault(f => f.GetString(key) == WebhookSubscriptionSection.ChannelIdKey)?.GetString(value);
        var owner = context.Kinds.FindByName(WebhookSubscriptionFields.Channel.ReferencesKind!);
        var channelText = channel is null
            ? "every channel"
            : owner is not null && context.Listed(owner.Name).FirstOrDefault(c => c.Outputs.GetString(owner.ReferenceOutput) == channel) is { } connector
                ? $"channel {channel} (connector {owner.ReferredAs(connector)})"
                : $"channel {channel}";
        var others = filters.Where(f => f.GetString(key) != WebhookSubscriptionSection.ChannelIdKey).Select(f => $"{f.GetString(key)}={f.GetString(value)}").ToList();
        var status = live.Inputs.GetString(WebhookSubscriptionFields.Status.Property!) ?? WebhookSubscriptionSpec.DefaultStatus;
        var detail = $"event {live.Inputs.GetString(WebhookSubscriptionFields.Service.Property!)}/{live.Inputs.GetString(WebhookSubscriptionFields.Event.Property!)} to {live.Inputs.GetString(WebhookSubscriptionFields.Url.Property!)}, {channelText}"
            + (others.Count > 0 ? ", filters " + string.Join(", ", others) : string.Empty)
            + (status == WebhookSubscriptionSpec.DefaultStatus ? string.Empty : $", {status}");

        // A subscription no stack owns sends the workspace's events to a URL nobody reviewed: where traffic goes.
        return new BesideDescription(live.Inputs.GetString(WebhookSubscriptionFields.Event.Property!) ?? live.Id, detail, DriftSeverity.Warning);
    }
}
