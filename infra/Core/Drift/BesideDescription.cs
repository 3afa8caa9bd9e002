using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.WebhookSubscription;

namespace BirdInfra.Drift;

/// <summary>What an object beside the stack is, in one line: its name and what it does (never a secret; Bird echoes none).</summary>
public static class BesideDescription
{
    /// <param name="listings">Every kind's listing, by kind name, for what a key's roles and a subscription's channel are.</param>
    /// <param name="target">The target's ids, so that a key's policies are evaluated as the stack writes them.</param>
    public static (string Name, string Detail) Describe(
        string kind,
        ResourceSnapshot live,
        IReadOnlyDictionary<string, IReadOnlyList<ResourceSnapshot>> listings,
        (string OrganizationId, string WorkspaceId) target)
    {
        IReadOnlyList<ResourceSnapshot> Listed(string name) => listings.GetValueOrDefault(name) ?? [];
        var name = live.Inputs.GetString("name");
        return kind switch
        {
            "AccessKey" => (name ?? live.Id, AccessKeyDescription.Describe(live, Listed("AccessRole"), Listed("AccessPolicy"), target)),
            "AccessRole" => (name ?? live.Id, "policies: " + Policies(live, Listed("AccessPolicy"))),
            "AccessPolicy" => (name ?? live.Id, "rows: " + AccessKeyDescription.Rows(live)),
            "Connector" => (name ?? live.Id, $"{live.Inputs.GetString("connectorTemplateRef") ?? "connector"} number {live.Inputs.GetString("phoneNumber") ?? "?"}, channel {live.Outputs.GetString("channelId") ?? "none"} ({live.Outputs.GetString("channelStatus") ?? "status unknown"})"),
            "WebhookSubscription" => (live.Inputs.GetString("event") ?? live.Id, Subscription(live, Listed("Connector"))),
            _ => (name ?? live.Id, string.Empty),
        };
    }

    private static string Policies(ResourceSnapshot role, IReadOnlyList<ResourceSnapshot> policies)
    {
        var ids = (role.Inputs["policies"]?.AsList() ?? []).Select(p => p.AsMap().GetString("id") ?? "?").ToList();
        return ids.Count == 0 ? "none" : string.Join(", ", ids.Select(id => policies.FirstOrDefault(p => p.Id == id)?.Inputs.GetString("name") ?? $"{id} (managed)"));
    }

    private static string Subscription(ResourceSnapshot live, IReadOnlyList<ResourceSnapshot> connectors)
    {
        var filters = (live.Inputs["eventFilters"]?.AsList() ?? []).Select(f => f.AsMap()).ToList();
        var channel = filters.FirstOrDefault(f => f.GetString("key") == WebhookSubscriptionSection.ChannelIdKey)?.GetString("value");
        var channelText = channel is null
            ? "every channel"
            : connectors.FirstOrDefault(c => c.Outputs.GetString("channelId") == channel) is { } connector
                ? $"channel {channel} (connector {connector.Inputs.GetString("name")}, {connector.Inputs.GetString("phoneNumber")})"
                : $"channel {channel}";
        var others = filters.Where(f => f.GetString("key") != WebhookSubscriptionSection.ChannelIdKey).Select(f => $"{f.GetString("key")}={f.GetString("value")}").ToList();
        var status = live.Inputs.GetString("status") ?? "active";
        return $"event {live.Inputs.GetString("service")}/{live.Inputs.GetString("event")} to {live.Inputs.GetString("url")}, {channelText}"
            + (others.Count > 0 ? ", filters " + string.Join(", ", others) : string.Empty)
            + (status == "active" ? string.Empty : $", {status}");
    }
}
