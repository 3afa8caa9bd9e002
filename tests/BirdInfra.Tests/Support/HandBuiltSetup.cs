using System.Collections.Immutable;
using System.Text.Json;

namespace BirdInfra.Tests.Support;

/// <summary>
/// The contact-center scenario built by hand through Bird's API, as every customer so far was configured: the six-row
/// policy, its role, an access key (its token kept), two WhatsApp connectors with their channels, four webhook
/// subscriptions. The ids are Bird's; an import must end up with exactly these.
/// </summary>
public sealed record HandBuiltSetup(
    string PolicyId,
    string RoleId,
    string KeyId,
    string Token,
    ImmutableArray<(string ConnectorId, string ChannelId)> Connectors,
    ImmutableArray<string> SubscriptionIds)
{
    public const string StackTargetOnly = """
        target:
          endpoint: {{endpoint}}
          organizationId: { env: BIRD_ORGANIZATION_ID }
          workspaceId: { env: BIRD_WORKSPACE_ID }
          accessKey: { env: BIRD_ACCESS_KEY }
        """;

    public static readonly string[] Numbers = ["+31612345678", "+31687654321"];

    /// <summary>Every Bird id the hand-built setup has, by kind.</summary>
    public ImmutableDictionary<string, ImmutableHashSet<string>> IdsByKind => new Dictionary<string, ImmutableHashSet<string>>
    {
        ["AccessPolicy"] = [PolicyId],
        ["AccessRole"] = [RoleId],
        ["AccessKey"] = [KeyId],
        ["Connector"] = [.. Connectors.Select(c => c.ConnectorId)],
        ["WebhookSubscription"] = [.. SubscriptionIds],
    }.ToImmutableDictionary();

    /// <summary>A policy object as the scenario writes it, with the target's organization put into its paths.</summary>
    public static object Policy(string organizationId, string name = "ucx-contact-center") => new
    {
        name,
        description = "WhatsApp contact center",
        definitions = new object[]
        {
            new { effect = "allow", actions = new[] { "create" }, resources = new[] { "/workspaces/*/channels/*/messages", "/workspaces/*/verify", $"/organizations/{organizationId}/workspaces/*/webhook-subscriptions" } },
            new { effect = "allow", actions = new[] { "view" }, resources = new[] { "/workspaces/*/channels/*", $"/organizations/{organizationId}/workspaces/*/webhook-subscriptions" } },
            new { effect = "allow", actions = new[] { "delete" }, resources = new[] { $"/organizations/{organizationId}/workspaces/*/webhook-subscriptions/*" } },
        },
    };

    public static async Task<HandBuiltSetup> CreateAsync(StackWorkspace ws)
    {
        var org = ws.Emulator.OrganizationId;
        var workspace = ws.Emulator.WorkspaceId;
        var policy = await ws.PostAsync(ws.OrgPath("iam-policies"), Policy(org));
        var role = await ws.PostAsync(ws.OrgPath("iam-roles"), new
        {
            name = "ucx-contact-center",
            description = "Holds the contact-center policy",
            policies = new[] { new { id = Id(policy), type = "organization" } },
        });
        var key = await ws.PostAsync(ws.OrgPath("access-keys"), new
        {
            name = "ucx-contact-center",
            description = "Used by the contact center",
            roleRefs = new[] { new { id = Id(role), type = "organization", workspaces = new[] { workspace } } },
        });
        var token = key.GetProperty("token").GetString()!;
        ws.KnownSecrets.Add(token);

        var connectors = ImmutableArray.CreateBuilder<(string, string)>();
        for (var i = 0; i < Numbers.Length; i++)
        {
            var connector = await ws.PostAsync(ws.WorkspacePath("connectors"), new
            {
                name = $"ACME WhatsApp {Numbers[i]}",
                connectorTemplateRef = "whatsapp:1",
                arguments = new { wabaId = "102290129340398", phoneId = $"10654035224292{i}", phoneNumber = Numbers[i] },
                securityArguments = new { oauth = new { accessToken = StackWorkspace.WhatsAppToken } },
            });
            connectors.Add((Id(connector), await ChannelOfAsync(ws, Id(connector))));
        }

        var subscriptions = ImmutableArray.CreateBuilder<string>();
        var path = ws.OrgPath($"workspaces/{workspace}/webhook-subscriptions");
        subscriptions.Add(Id(await ws.PostAsync(path, Subscription("channel.created", "https://contact-center.example.com/bird/channels", null))));
        foreach (var (_, channel) in connectors)
        {
            subscriptions.Add(Id(await ws.PostAsync(path, Subscription("whatsapp.inbound", "https://contact-center.example.com/bird/whatsapp", channel))));
        }

        subscriptions.Add(Id(await ws.PostAsync(path, Subscription("whatsapp.outbound", "https://contact-center.example.com/bird/whatsapp", connectors[0].Item2))));
        return new HandBuiltSetup(Id(policy), Id(role), Id(key.GetProperty("accessKey")), token, connectors.ToImmutable(), subscriptions.ToImmutable());
    }

    private static object Subscription(string eventName, string url, string? channelId) => new
    {
        service = "channels",
        @event = eventName,
        url,
        signingKey = StackWorkspace.SigningKey,
        eventFilters = channelId is null ? Array.Empty<object>() : [new { key = "channelId", value = channelId }],
    };

    /// <summary>
    /// The channel Bird makes for a connector, asynchronously: polled the way an operator's script (or Bird's own console)
    /// waits for it, until it appears; the workspace's emulator provisions it on its next tick.
    /// </summary>
    private static Task<string> ChannelOfAsync(StackWorkspace ws, string connectorId) =>
        Poll.UntilAsync(
            async () =>
            {
                var connector = await ws.GetAsync(ws.WorkspacePath($"connectors/{connectorId}"));
                return connector.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object
                    && channel.TryGetProperty("channelId", out var id) && id.GetString() is { Length: > 0 } channelId
                    ? channelId
                    : null;
            },
            TimeSpan.FromSeconds(60),
            $"the channel of connector {connectorId}");

    private static string Id(JsonElement element) => element.GetProperty("id").GetString()!;
}
