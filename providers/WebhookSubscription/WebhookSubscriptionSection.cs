using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Graph;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Rules;
using BirdInfra.Providers.Stacks;
using BirdInfra.Providers.Stacks.Reading;
using BirdInfra.Providers.Stacks.Yaml;

namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>
/// The <c>webhookSubscriptions:</c> section. <c>channel: &lt;connector&gt;</c> is stack-file sugar for a
/// <c>channelId</c> event filter holding that connector's channel id; its own problems are reported here in
/// stack terms, so the kind's check failures on that filter are not repeated.
/// </summary>
public sealed class WebhookSubscriptionSection : StackSection
{
    public const string ChannelIdKey = "channelId";
    private const string FilterExample = "- { key: messageStatus, value: delivered }";
    private static readonly ImmutableArray<string> FilterKeys = ["key", "value"];

    public override string Name => "webhookSubscriptions";

    public override string Label => "webhook subscription";

    public override int Rank => 4;

    public override string RequiredFields => "event, url and signingKey";

    public override ImmutableArray<string> Keys { get; } = ["service", "event", "url", "channel", "eventFilters", "status", "signingKey", StackKeys.Protect];

    public override ImmutableArray<StackReference> References { get; } = [new("channel", "connectors", "Connector")];

    public override string Description => "Webhook subscriptions by logical name.";

    public override ImmutableArray<KeyValuePair<string, string>> SchemaDefinitions { get; } =
    [
        KeyValuePair.Create("webhookSubscription", """
            {
              "type": "object",
              "additionalProperties": false,
              "required": ["event", "url", "signingKey"],
              "properties": {
                "service": { "enum": ["channels", "numbers", "payments", "conversations"], "default": "channels" },
                "event": {
                  "type": "string",
                  "examples": ["channel.created", "channel.updated", "whatsapp.inbound", "whatsapp.outbound", "whatsapp.interaction"]
                },
                "url": { "type": "string", "pattern": "^https?://", "maxLength": 2048 },
                "channel": { "$ref": "#/$defs/logicalName", "description": "Logical name of a connector: adds the filter channelId = that connector's channel id." },
                "eventFilters": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["key", "value"],
                    "properties": {
                      "key": { "type": "string", "minLength": 1 },
                      "value": { "type": "string", "minLength": 1 }
                    }
                  }
                },
                "status": { "enum": ["active", "inactive"], "default": "active" },
                "signingKey": { "$ref": "#/$defs/secret" },
                "protect": { "$ref": "#/$defs/protect" }
              }
            }
            """),
    ];

    public override StackEntry? Read(ValidationContext context, ScalarNode key, MappingNode body)
    {
        var reader = context.Reader;
        var owner = reader.At(key);
        var entry = new StackEntryBuilder("WebhookSubscription", Name, key.Value, owner);
        reader.CheckKeys(body, Keys, $"webhook subscription '{Text.Shown(key.Value)}'");
        var service = Optional(context, body, "service", "service: channels", WebhookSubscriptionSpec.DefaultService, entry);
        var eventName = Required(context, body, "event", "event: whatsapp.inbound", "Add the event, e.g. event: whatsapp.inbound.", owner, entry);
        var url = Required(context, body, "url", "url: https://contact-center.example.com/bird", "Add the HTTPS endpoint Bird posts to, e.g. url: https://contact-center.example.com/bird.", owner, entry);
        var (filters, canonical, hasExplicitChannel) = Filters(context, body, entry);
        var channel = Channel(context, body, service, eventName, hasExplicitChannel);
        if (channel is { } connector)
        {
            entry.At($"eventFilters[{filters.Count}]", connector.Node);
            filters.Add(StackEntryBuilder.Map(
                ("key", StackEntryBuilder.Text(ChannelIdKey)),
                ("value", new OutputReference(new ResourceAddress("Connector", connector.Name), "channelId"))));
            canonical?.Add($"{ChannelIdKey}=<channel of {connector.Name}>");
        }

        entry.Set("eventFilters", new ListInput([.. filters]), FieldReader.Optional(body, "eventFilters"));
        Optional(context, body, "status", "status: active", WebhookSubscriptionSpec.DefaultStatus, entry);
        if (reader.Required(body, "signingKey", owner, "Sign deliveries: signingKey: { generate: true } or { env: BIRD_WEBHOOK_SIGNING_KEY }.") is { } keyNode)
        {
            var source = context.Sources.Secret(keyNode, "BIRD_WEBHOOK_SIGNING_KEY", generateNotAllowed: null);
            entry.Set("signingKey", source is null ? StackEntryBuilder.Unreadable : new SecretSourceInput(source, $"{Name}.{key.Value}.signingKey"), keyNode);
        }
        else
        {
            entry.Set("signingKey", StackEntryBuilder.Unreadable);
        }

        if (service is not null && eventName is not null && url is not null && canonical is not null && channel is not { Valid: false })
        {
            canonical.Sort(StringComparer.Ordinal);
            context.Index.Subscriptions.Add((service, eventName, url, string.Join("&", canonical), key));
        }

        return entry.Build();
    }

    /// <summary>The <c>channel:</c> filter's problems were reported in stack terms by <see cref="Read"/>.</summary>
    public override CheckFailure? MapFailure(CheckFailure failure, StackEntry entry) =>
        entry.NodeFor(failure.Path) is { } node && node.Path.EndsWith(".channel", StringComparison.Ordinal) ? null : failure;

    private static string? Optional(ValidationContext context, MappingNode body, string field, string example, string defaultValue, StackEntryBuilder entry)
    {
        if (FieldReader.Optional(body, field) is not { } node)
        {
            entry.Set(field, StackEntryBuilder.Text(defaultValue));
            return defaultValue;
        }

        var value = context.Reader.String(node, example);
        entry.Set(field, value is null ? StackEntryBuilder.Unreadable : StackEntryBuilder.Text(value), node);
        return value;
    }

    private static string? Required(ValidationContext context, MappingNode body, string field, string example, string hint, Diagnostics.SourceLocation owner, StackEntryBuilder entry)
    {
        if (context.Reader.Required(body, field, owner, hint) is not { } node)
        {
            entry.Set(field, StackEntryBuilder.Unreadable);
            return null;
        }

        var value = context.Reader.String(node, example);
        entry.Set(field, value is null ? StackEntryBuilder.Unreadable : StackEntryBuilder.Text(value), node);
        return value;
    }

    private static (string Name, StackNode Node, bool Valid)? Channel(ValidationContext context, MappingNode body, string? service, string? eventName, bool hasExplicitChannel)
    {
        if (FieldReader.Optional(body, "channel") is not { } node)
        {
            return null;
        }

        if (context.Reader.String(node, "channel: main-number") is not { } connector)
        {
            return (string.Empty, node, false);
        }

        context.Index.References.Add(("connectors", connector, node));
        // An unknown service or event is the kind's check to report; channel: is judged on a known event only.
        if (service is not null && eventName is not null && BirdRules.WebhookEvent(service, eventName) is null && !IsChannelScoped(service, eventName))
        {
            context.Reader.Report(
                DiagnosticCodes.ChannelNotAllowed,
                $"Event '{eventName}' cannot be filtered by channel, so 'channel:' does not apply.",
                "Use channel: with a channel message event such as whatsapp.inbound, whatsapp.outbound or whatsapp.interaction; remove it here.",
                node);
            return (connector, node, false);
        }

        return (connector, node, !hasExplicitChannel);
    }

    /// <summary>The explicit filters, their canonical form for the duplicate check (null when one is unusable), and whether one filters by channelId.</summary>
    private static (List<InputExpression> Filters, List<string>? Canonical, bool HasChannelFilter) Filters(ValidationContext context, MappingNode body, StackEntryBuilder entry)
    {
        var reader = context.Reader;
        var filters = new List<InputExpression>();
        var canonical = new List<string>();
        var complete = true;
        var hasChannelFilter = false;
        if (FieldReader.Optional(body, "eventFilters") is not { } node)
        {
            return (filters, canonical, false);
        }

        if (reader.List(node, $"eventFilters: [{FilterExample[2..]}]", nonEmpty: false) is not { } items)
        {
            return (filters, null, false);
        }

        var hasChannel = FieldReader.Optional(body, "channel") is not null;
        foreach (var item in items)
        {
            var path = $"eventFilters[{filters.Count}]";
            if (reader.Mapping(item, "An event filter", $"Write {FilterExample}.") is not { } filter)
            {
                complete = false;
                continue;
            }

            var owner = reader.At(filter);
            reader.CheckKeys(filter, FilterKeys, "an event filter");
            var keyNode = reader.Required(filter, "key", owner, $"Write {FilterExample}.");
            var valueNode = reader.Required(filter, "value", owner, $"Write {FilterExample}.");
            var key = keyNode is null ? null : reader.String(keyNode, "key: messageStatus");
            var value = valueNode is null ? null : reader.String(valueNode, "value: delivered");
            if (key == ChannelIdKey && hasChannel)
            {
                reader.Report(
                    DiagnosticCodes.MultipleChannelFilters,
                    "This channelId filter comes on top of 'channel:'; a subscription takes one channelId filter.",
                    "Make one subscription per channel.",
                    item);
                hasChannelFilter = true;
                complete = false;
                continue;
            }

            entry.At(path, item);
            if (keyNode is not null)
            {
                entry.At($"{path}.key", keyNode);
            }

            if (valueNode is not null)
            {
                entry.At($"{path}.value", valueNode);
            }

            filters.Add(StackEntryBuilder.Map(
                ("key", key is null ? StackEntryBuilder.Unreadable : StackEntryBuilder.Text(key)),
                ("value", value is null ? StackEntryBuilder.Unreadable : StackEntryBuilder.Text(value))));
            if (key is null || value is null)
            {
                complete = false;
            }
            else
            {
                canonical.Add($"{key}={value}");
            }
        }

        return (filters, complete ? canonical : null, hasChannelFilter);
    }

    private static bool IsChannelScoped(string service, string eventName) =>
        service == WebhookSubscriptionSpec.DefaultService && BirdRules.EventFilterKey(eventName, ChannelIdKey) is null
        && BirdRules.WebhookEvent(service, eventName) is null;
}
