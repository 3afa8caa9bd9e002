
namespace BirdInfra.Providers.Connector;

/// <summary>A connector's fields, declared once: the section, Check, both schemas and export are derived from this table.</summary>
internal static class ConnectorFields
{
    private const string ExportMissing = "Bird did not return it: fill it in from WhatsApp embedded signup";

    public static KindField Name { get; } = KindField.Name("Friendly connector name (1-256 characters).", replaceOnChange: true);

    public static KindField Template { get; } = new("template", "connectorTemplateRef", PropertyType.OneOf([.. BirdRules.ConnectorTemplates]), "Connector template; default 'whatsapp:1'.")
    {
        ReplaceOnChange = true,
        Drift = FieldDrift.MovesTraffic,
        Rule = BirdRules.ConnectorTemplateRule,
        Default = ConnectorSpec.DefaultTemplate,
        Example = "template: whatsapp:1",
    };

    public static KindField WabaId { get; } = MetaId("wabaId", "WhatsApp Business Account id, from the embedded-signup session.", "WhatsApp Business Account id (numeric; quote it).", "102290129340398");

    public static KindField PhoneId { get; } = MetaId("phoneId", "Meta's phone-number id, from the embedded-signup session.", "Meta phone-number id (numeric; quote it).", "106540352242922");

    public static KindField PhoneNumber { get; } = new("phoneNumber", PropertyType.String, "The number in E.164 form, e.g. +31612345678.")
    {
        Required = true,
        ReplaceOnChange = true,
        Drift = FieldDrift.MovesTraffic,
        Rule = BirdRules.PhoneNumberRule,
        StackDescription = "E.164, e.g. \"+31612345678\".",
        StackTypes = ["string"],
        Example = "phoneNumber: \"+31612345678\"",
        MissingHint = "Add the number in E.164 form, e.g. phoneNumber: \"+31612345678\".",
        ExportMissing = ExportMissing,
    };

    public static KindField MbPhoneId { get; } = new("mbPhoneId", PropertyType.String, "Bird's number id; only for numbers bought from Bird.")
    {
        ReplaceOnChange = true,
        Drift = FieldDrift.MovesTraffic,
        Rule = BirdRules.UuidRule.WithHint("mbPhoneId is the UUID of a number bought from Bird; leave it out for your own number."),
        StackDescription = "Bird number id; only for numbers bought from Bird.",
        Example = "mbPhoneId: 8c1f0d8e-4f89-41d3-9a0c-0305e82c3301",
    };

    public static KindField AccessToken { get; } = Token("accessToken");

    /// <summary>The fields Bird takes (and may echo) in a connector's <c>arguments</c>, each under its property's name.</summary>
    public static ImmutableArray<KindField> Arguments { get; } = [WabaId, PhoneId, PhoneNumber, MbPhoneId];

    public static FieldTable Table { get; } = new(Name, Template, WabaId, PhoneId, PhoneNumber, MbPhoneId, AccessToken, KindField.Protect);

    private static KindField MetaId(string key, string description, string stackDescription, string example) =>
        new(key, PropertyType.String, description)
        {
            Required = true,
            ReplaceOnChange = true,
            Drift = FieldDrift.MovesTraffic,
            Rule = BirdRules.MetaId(key, example),
            StackDescription = stackDescription,
            StackTypes = ["string", "integer"],
            Example = $"{key}: \"{example}\"",
            MissingHint = $"Add {key}: \"{example}\" (from WhatsApp embedded signup).",
            ExportMissing = ExportMissing,
        };

    private static KindField Token(string key) =>
        new(key, PropertyType.String, $"Meta long-lived business access token; sent once as securityArguments.oauth.{key}, never echoed by Bird.")
        {
            Required = true,
            Secret = true,
            ReplaceOnChange = true,
            Rule = BirdRules.NonBlank(key, $"Set '{key}' to the value from Meta's embedded signup / Bird."),
            StackDescription = "Meta long-lived access token; { generate: true } only with endpoint: emulator.",
            StackRef = "secret",
            MissingHint = $"Add the Meta access token by reference: {key}: {{ env: {ConnectorSection.TokenVariable} }}.",
            Export = FieldExport.Custom,
        };

    // What Bird assigns (outputs beside the id), declared once for the Pulumi schema and the kind's code.
    public static PropertySchema ChannelId { get; } = new("channelId", PropertyType.String, "The id of the channel Bird created for the connector; messages are sent through it.");

    public static PropertySchema Platform { get; } = new("platform", PropertyType.String, "The channel's platform, e.g. 'whatsapp'.");

    public static PropertySchema ChannelStatus { get; } = new("channelStatus", PropertyType.String, "The channel's status in Bird when last read; 'active' when it works (create waits for it).");

    public static ImmutableArray<PropertySchema> Outputs { get; } = [ChannelId, Platform, ChannelStatus];
}
