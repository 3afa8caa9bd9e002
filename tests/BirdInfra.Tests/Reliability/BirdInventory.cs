using System.Text.Json;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Reliability;

/// <summary>Everything the stack's kinds can leave in Bird, read through the emulator's admin key.</summary>
public static class BirdInventory
{
    public static async Task<List<LiveObject>> ReadAsync(StackWorkspace ws)
    {
        var all = new List<LiveObject>();
        foreach (var p in await ws.ListAsync(ws.OrgPath("iam-policies")))
        {
            all.Add(new LiveObject("AccessPolicy", Id(p), "AccessPolicy:" + Text(p, "name")));
        }

        foreach (var r in await ws.ListAsync(ws.OrgPath("iam-roles")))
        {
            all.Add(new LiveObject("AccessRole", Id(r), "AccessRole:" + Text(r, "name")));
        }

        foreach (var k in await ws.ListAsync(ws.OrgPath("access-keys")))
        {
            all.Add(new LiveObject("AccessKey", Id(k), "AccessKey:" + Text(k, "name")));
        }

        foreach (var c in await ws.ListAsync(ws.WorkspacePath("connectors")))
        {
            all.Add(new LiveObject("Connector", Id(c), $"Connector:{Text(c, "connectorTemplateRef")}:{Text(c.GetProperty("arguments"), "phoneNumber")}"));
        }

        foreach (var s in await ws.ListAsync(ws.OrgPath($"workspaces/{ws.Emulator.WorkspaceId}/webhook-subscriptions")))
        {
            var filters = s.TryGetProperty("eventFilters", out var f) && f.ValueKind == JsonValueKind.Array
                ? string.Join(",", f.EnumerateArray().Select(e => $"{Text(e, "key")}={Text(e, "value")}").Order(StringComparer.Ordinal))
                : string.Empty;
            all.Add(new LiveObject("WebhookSubscription", Id(s), $"WebhookSubscription:{Text(s, "service")}:{Text(s, "event")}:{Text(s, "url")}:{filters}"));
        }

        return all;
    }

    private static string Id(JsonElement e) => Text(e, "id");

    private static string Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
}
