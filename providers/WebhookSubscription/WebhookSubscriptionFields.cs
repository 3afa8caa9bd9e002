using System.Collections.Immutable;
using System.Text.Json;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Rules;
using BirdInfra.Providers.Schema;

namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>A subscription's fields, declared once: the section, Check, both schemas and export are derived from this table.</summary>
internal static class WebhookSubscriptionFields
{
    /// <summary>The events offered first (in the schema's examples and in Check's guesses).</summary>
    public static readonly ImmutableArray<string> KnownEvents = ["channel.created", "channel.updated", "whatsapp.inbound", "whatsapp.outbound", "whatsapp.interaction"];

    public static readonly ImmutableArray<string> Statuses = ["active", "inactive"];

    public static FieldTable Table { get; } = new(
        new("service", "service", PropertyType.OneOf([.. BirdRules.WebhookServices]), "Bird service publishing the event, e.g. 'channels'.")
        {
            Required = true,
            StackRequired = false,
            ReplaceOnChange = true,
            Drift = FieldDrift.MovesTraffic,
            Rule = new ValueRule(BirdRules.WebhookService, Values: BirdRules.WebhookServices),
            Default = WebhookSubscriptionSpec.DefaultService,
            Example = "service: channels",
        },
        new("event", "event", PropertyType.String, "Event name, e.g. 'whatsapp.inbound' or 'channel.created'.")
        {
            Required = true,
            ReplaceOnChange = true,
            Drift = FieldDrift.MovesTraffic,
            StackSchema = $$"""{ "type": "string", "examples": {{JsonSerializer.Serialize(KnownEvents)}} }""",
            Example = "event: whatsapp.inbound",
            MissingHint = "Add the event, e.g. event: whatsapp.inbound.",
            Export = FieldExport.Custom,
        },
        new("url", "url", PropertyType.String, "HTTPS endpoint with a public host name that receives the events.")
        {
            Required = true,
            Drift = FieldDrift.MovesTraffic,
            StackSchema = $$"""{ "type": "string", "pattern": "^https?://", "maxLength": {{BirdRules.MaxWebhookUrlLength}} }""",
            Example = "url: https://contact-center.example.com/bird",
            MissingHint = "Add the HTTPS endpoint Bird posts to, e.g. url: https://contact-center.example.com/bird.",
            Export = FieldExport.Custom,
        },

        // Sugar of the stack file: a channelId filter holding the connector's channel id, added to eventFilters.
        new("channel", null, PropertyType.String, "A connector whose channel the subscription is limited to.")
        {
            ReferencesSection = "connectors",
            ReferencesKind = "Connector",
            StackSchema = """{ "$ref": "#/$defs/logicalName", "description": "Logical name of a connector: adds the filter channelId = that connector's channel id." }""",
            Export = FieldExport.Custom,
        },
        new("eventFilters", "eventFilters", PropertyType.ArrayOf(PropertyType.Object(
            new PropertySchema("key", PropertyType.String, "Filter key: channelId (message events), messageStatus (outbound), interactionType (interaction), platformId or channelStatus (channel.*).", Required: true),
            new PropertySchema("value", PropertyType.String, "The value the key must have, e.g. a channel id.", Required: true))),
            "Filters combined with AND; a set, kept sorted by key then value.")
        {
            Drift = FieldDrift.MovesTraffic,
            StackSchema = """
                {
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
                }
                """,
            Export = FieldExport.Custom,
        },
        new("status", "status", PropertyType.OneOf([.. Statuses]), "Whether deliveries are made; default 'active'.")
        {
            Drift = FieldDrift.MovesTraffic,
            Rule = new ValueRule(WebhookSubscriptionKind.StatusRule, Values: Statuses),
            Default = WebhookSubscriptionSpec.DefaultStatus,
            Example = "status: active",
        },
        new("signingKey", "signingKey", PropertyType.String, "Key Bird signs deliveries with (HMAC-SHA256); returned by Bird only on create.")
        {
            StackRequired = true,
            Secret = true,
            StackRef = "secret",
            MissingHint = $"Sign deliveries: signingKey: {{ generate: true }} or {{ env: {WebhookSubscriptionSection.SigningKeyVariable} }}.",
            InputPosition = 3,
            Export = FieldExport.Custom,
        },
        KindField.Protect,
        new(null, "template", PropertyType.String, "Optional Bird payload template name."));
}
