using System.Text.Json.Nodes;

namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>A subscription's fields, declared once: the section, Check, both schemas and export are derived from this table.</summary>
internal static class WebhookSubscriptionFields
{
    /// <summary>The events offered first (in the schema's examples and in Check's guesses).</summary>
    public static readonly ImmutableArray<string> KnownEvents = ["channel.created", "channel.updated", "whatsapp.inbound", "whatsapp.outbound", "whatsapp.interaction"];

    public static readonly ImmutableArray<string> Statuses = ["active", "inactive"];

    private const string NonEmptyText = """{ "type": "string", "minLength": 1 }""";

    /// <summary>An event filter's key; Check judges it against the event (<see cref="BirdRules.EventFilterKey"/>).</summary>
    public static KindField FilterKey { get; } = new(
        "key",
        PropertyType.String,
        "Filter key: channelId (message events), messageStatus (outbound), interactionType (interaction), platformId or channelStatus (channel.*).")
    {
        Required = true,
        StackSchema = NonEmptyText,
        Example = "key: messageStatus",
    };

    public static KindField FilterValue { get; } = new("value", PropertyType.String, "The value the key must have, e.g. a channel id.")
    {
        Required = true,
        Rule = new ValueRule(v => v.Length == 0
            ? new RuleViolation("The event filter value is empty.", "Give the value to match, e.g. value: delivered.", DiagnosticCodes.InvalidFilterValue)
            : null),
        StackSchema = NonEmptyText,
        Example = "value: delivered",
    };

    /// <summary>The fields of one event filter.</summary>
    public static FieldTable Filter { get; } = new(FilterKey, FilterValue);

    public static KindField EventFilters { get; } = KindField.ObjectList("eventFilters", Filter, "Filters combined with AND; a set, kept sorted by key then value.") with
    {
        Drift = FieldDrift.MovesTraffic,
        StackSchema = $$"""{ "type": "array", "items": {{Filter.EntrySchema()}} }""",
        Export = FieldExport.Custom,
    };

    public static KindField Service { get; } = new("service", PropertyType.OneOf([.. BirdRules.WebhookServices]), "Bird service publishing the event, e.g. 'channels'.")
    {
        Required = true,
        StackRequired = false,
        ReplaceOnChange = true,
        Drift = FieldDrift.MovesTraffic,
        Rule = new ValueRule(BirdRules.WebhookService, Values: BirdRules.WebhookServices),
        Default = WebhookSubscriptionSpec.DefaultService,
        Example = "service: channels",
    };

    public static KindField Event { get; } = new("event", PropertyType.String, "Event name, e.g. 'whatsapp.inbound' or 'channel.created'.")
    {
        Required = true,
        ReplaceOnChange = true,
        Drift = FieldDrift.MovesTraffic,
        StackSchema = $$"""{ "type": "string", "examples": {{new JsonArray([.. KnownEvents.Select(v => JsonValue.Create(v))]).ToJsonString()}} }""",
        Example = "event: whatsapp.inbound",
        MissingHint = "Add the event, e.g. event: whatsapp.inbound.",
        Export = FieldExport.Custom,
    };

    public static KindField Url { get; } = new("url", PropertyType.String, "HTTPS endpoint with a public host name that receives the events.")
    {
        Required = true,
        Drift = FieldDrift.MovesTraffic,
        StackSchema = $$"""{ "type": "string", "pattern": "^https?://", "maxLength": {{BirdRules.MaxWebhookUrlLength}} }""",
        Example = "url: https://contact-center.example.com/bird",
        MissingHint = "Add the HTTPS endpoint Bird posts to, e.g. url: https://contact-center.example.com/bird.",
        Export = FieldExport.Custom,
    };

    /// <summary>Sugar of the stack file: a channelId filter holding the connector's channel id, added to eventFilters.</summary>
    public static KindField Channel { get; } = new("channel", null, PropertyType.String, "A connector whose channel the subscription is limited to.")
    {
        ReferencesSection = "connectors",
        ReferencesKind = "Connector",
        StackSchema = """{ "$ref": "#/$defs/logicalName", "description": "Logical name of a connector: adds the filter channelId = that connector's channel id." }""",
        Example = "channel: main-number",
        Export = FieldExport.Custom,
    };

    public static KindField Status { get; } = new("status", PropertyType.OneOf([.. Statuses]), "Whether deliveries are made; default 'active'.")
    {
        Drift = FieldDrift.MovesTraffic,
        Rule = new ValueRule(WebhookSubscriptionKind.StatusRule, Values: Statuses),
        Default = WebhookSubscriptionSpec.DefaultStatus,
        Example = "status: active",
    };

    public static KindField SigningKey { get; } = new("signingKey", PropertyType.String, "Key Bird signs deliveries with (HMAC-SHA256); returned by Bird only on create.")
    {
        StackRequired = true,
        Secret = true,
        StackRef = "secret",
        MissingHint = $"Sign deliveries: signingKey: {{ generate: true }} or {{ env: {WebhookSubscriptionSection.SigningKeyVariable} }}.",
        InputPosition = 3,
        Export = FieldExport.Custom,
    };

    /// <summary>Pulumi-only: a stack file does not set it.</summary>
    public static KindField Template { get; } = new(null, "template", PropertyType.String, "Optional Bird payload template name.");

    public static FieldTable Table { get; } = new(Service, Event, Url, Channel, EventFilters, Status, SigningKey, KindField.Protect, Template);

    // What Bird assigns (outputs beside the id), declared once for the Pulumi schema and the kind's code.
    public static PropertySchema OrganizationId { get; } = new("organizationId", PropertyType.String, "The organization the subscription belongs to.");

    public static PropertySchema WorkspaceId { get; } = new("workspaceId", PropertyType.String, "The workspace the subscription belongs to.");

    public static ImmutableArray<PropertySchema> Outputs { get; } = [OrganizationId, WorkspaceId];
}
