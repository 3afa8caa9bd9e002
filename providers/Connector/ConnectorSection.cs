using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Graph;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.Stacks;
using BirdInfra.Providers.Stacks.Reading;
using BirdInfra.Providers.Stacks.Writing;
using BirdInfra.Providers.Stacks.Yaml;

namespace BirdInfra.Providers.Connector;

/// <summary>The <c>connectors:</c> section: one WhatsApp connector (and the channel Bird creates for it) per entry.</summary>
public sealed class ConnectorSection : StackSection
{
    /// <summary>The variable a stack reads this secret from by convention (hints, and <c>birdinfra export</c>).</summary>
    public const string TokenVariable = "WHATSAPP_ACCESS_TOKEN";

    public override string Name => "connectors";

    public override string Label => "connector";

    public override int Rank => 3;

    public override string RequiredFields => "wabaId, phoneId, phoneNumber and accessToken";

    public override ImmutableArray<string> Keys { get; } = ["name", "template", "wabaId", "phoneId", "phoneNumber", "mbPhoneId", "accessToken", StackKeys.Protect];

    public override ImmutableArray<StackReference> References => [];

    public override string Description => "WhatsApp connectors by logical name; Bird creates a channel for each.";

    public override ImmutableArray<KeyValuePair<string, string>> SchemaDefinitions { get; } =
    [
        KeyValuePair.Create("connector", """
            {
              "type": "object",
              "additionalProperties": false,
              "required": ["wabaId", "phoneId", "phoneNumber", "accessToken"],
              "properties": {
                "name": { "$ref": "#/$defs/birdName", "description": "Bird-side name; defaults to the logical name." },
                "template": { "enum": ["whatsapp:1"], "default": "whatsapp:1" },
                "wabaId": { "description": "WhatsApp Business Account id (numeric; quote it).", "type": ["string", "integer"], "pattern": "^[0-9]{1,32}$" },
                "phoneId": { "description": "Meta phone-number id (numeric; quote it).", "type": ["string", "integer"], "pattern": "^[0-9]{1,32}$" },
                "phoneNumber": { "description": "E.164, e.g. \"+31612345678\".", "type": "string", "pattern": "^\\+[1-9][0-9]{6,14}$" },
                "mbPhoneId": { "$ref": "#/$defs/uuid", "description": "Bird number id; only for numbers bought from Bird." },
                "accessToken": { "$ref": "#/$defs/secret", "description": "Meta long-lived access token; { generate: true } only with endpoint: emulator." },
                "protect": { "$ref": "#/$defs/protect" }
              }
            }
            """),
    ];

    public override ImmutableArray<StackOutput> Outputs { get; } =
    [
        new("connectorIds", "id", Secret: false),
        new("channelIds", "channelId", Secret: false, WhenAbsent: "Bird has not assigned the channel yet; run birdinfra up"),
    ];

    protected override void ReadFields(ValidationContext context, ScalarNode key, MappingNode body, SourceLocation owner, StackEntryBuilder entry)
    {
        var reader = context.Reader;
        CommonFields.OptionalText(context, body, "template", "template: whatsapp:1", ConnectorSpec.DefaultTemplate, entry, input: "connectorTemplateRef");
        CommonFields.RequiredText(context, body, "wabaId", "wabaId: \"102290129340398\"", "Add wabaId: \"102290129340398\" (from WhatsApp embedded signup).", owner, entry);
        CommonFields.RequiredText(context, body, "phoneId", "phoneId: \"106540352242922\"", "Add phoneId: \"106540352242922\" (from WhatsApp embedded signup).", owner, entry);
        CommonFields.RequiredText(context, body, "phoneNumber", "phoneNumber: \"+31612345678\"", "Add the number in E.164 form, e.g. phoneNumber: \"+31612345678\".", owner, entry);
        CommonFields.OptionalText(context, body, "mbPhoneId", "mbPhoneId: 8c1f0d8e-4f89-41d3-9a0c-0305e82c3301", defaultValue: null, entry);

        if (reader.Required(body, "accessToken", owner, "Add the Meta access token by reference: accessToken: { env: WHATSAPP_ACCESS_TOKEN }.") is { } tokenNode)
        {
            var generateNotAllowed = context.UsesEmulator == false
                ? "A generated accessToken only works with the emulator: Bird checks the token with Meta."
                : null;
            var source = context.Sources.Secret(tokenNode, TokenVariable, generateNotAllowed);
            entry.Set("accessToken", source is null ? StackEntryBuilder.Unreadable : new SecretSourceInput(source, $"{Name}.{key.Value}.accessToken"), tokenNode);
        }
        else
        {
            entry.Set("accessToken", StackEntryBuilder.Unreadable);
        }
    }

    protected override IEnumerable<YamlField> ExportFields(ResourceSnapshot live, string logicalName, ExportContext context)
    {
        if (live.Inputs.GetString("connectorTemplateRef") is { } template && template != ConnectorSpec.DefaultTemplate)
        {
            yield return new YamlField("template", template);
        }

        foreach (var argument in (string[])["wabaId", "phoneId", "phoneNumber"])
        {
            yield return live.Inputs.GetString(argument) is { } value
                ? new YamlField(argument, value)
                : new YamlField(argument, string.Empty, "Bird did not return it: fill it in from WhatsApp embedded signup");
        }

        if (live.Inputs.GetString("mbPhoneId") is { } mbPhoneId)
        {
            yield return new YamlField("mbPhoneId", mbPhoneId);
        }

        yield return new YamlField("accessToken", YamlMapping.Env(TokenVariable), $"Bird never returns it: set {TokenVariable} (or name a variable per number)");
    }

    /// <summary>Bird allows one WhatsApp connector per number in a workspace. A number that breaks E.164 is reported by Check instead.</summary>
    public override ImmutableArray<CrossRule> CrossRules { get; } =
    [
        new UniqueKeyRule(
            DiagnosticCodes.DuplicatePhoneNumber,
            Reads: ["phoneNumber"],
            Key: entry => entry.Inputs.GetValueOrDefault("phoneNumber") is LiteralInput { Value.Kind: PropertyKind.String } number ? number.Value.AsString() : null,
            At: "phoneNumber",
            Message: (_, number, firstLine) => $"Another connector already installs {number} (line {firstLine}).",
            Hint: "Bird allows one WhatsApp connector per number in a workspace: remove one of the two."),
    ];
}
