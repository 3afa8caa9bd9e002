
namespace BirdInfra.Providers.Connector;

/// <summary>The <c>connectors:</c> section: one WhatsApp connector (and the channel Bird creates for it) per entry.</summary>
public sealed class ConnectorSection : StackSection
{
    /// <summary>The variable a stack reads this secret from by convention (hints, and <c>birdinfra export</c>).</summary>
    public const string TokenVariable = "WHATSAPP_ACCESS_TOKEN";

    public override string Name => "connectors";

    public override string Label => "connector";

    public override int Rank => 3;

    public override FieldTable Fields => ConnectorFields.Table;

    public override string Description => "WhatsApp connectors by logical name; Bird creates a channel for each.";

    public override ImmutableArray<KeyValuePair<string, string>> SchemaDefinitions => [KeyValuePair.Create("connector", ConnectorFields.Table.EntrySchema())];

    public override ImmutableArray<StackOutput> Outputs { get; } =
    [
        new("connectorIds", KindSchema.Id, Secret: false),
        new("channelIds", ConnectorFields.ChannelId.Name, Secret: false, WhenAbsent: "Bird has not assigned the channel yet; run birdinfra up"),
    ];

    protected override void ReadFields(ValidationContext context, ScalarNode key, MappingNode body, SourceLocation owner, StackEntryBuilder entry)
    {
        var reader = context.Reader;
        foreach (var field in Fields.Fields.Where(f => f.Export == FieldExport.Plain))
        {
            CommonFields.TableText(context, body, field, owner, entry);
        }

        var token = ConnectorFields.AccessToken;
        if (reader.Required(body, token.Key!, owner, token.MissingHint!) is { } tokenNode)
        {
            var generateNotAllowed = context.UsesEmulator == false
                ? "A generated accessToken only works with the emulator: Bird checks the token with Meta."
                : null;
            var source = context.Sources.Secret(tokenNode, TokenVariable, generateNotAllowed);
            entry.Set(token.Property!, source is null ? StackEntryBuilder.Unreadable : new SecretSourceInput(source, $"{Name}.{key.Value}.{token.Key}"), tokenNode);
        }
        else
        {
            entry.Set(token.Property!, StackEntryBuilder.Unreadable);
        }
    }

    protected override IEnumerable<YamlField> ExportFields(ResourceSnapshot live, string logicalName, ExportContext context)
    {
        foreach (var field in ExportPlainFields(live))
        {
            yield return field;
        }

        yield return new YamlField(ConnectorFields.AccessToken.Key!, YamlMapping.Env(TokenVariable), $"Bird never returns it: set {TokenVariable} (or name a variable per number)");
    }

    /// <summary>Bird allows one WhatsApp connector per number in a workspace. A number that breaks E.164 is reported by Check instead.</summary>
    public override ImmutableArray<CrossRule> CrossRules { get; } =
    [
        new UniqueKeyRule(
            DiagnosticCodes.DuplicatePhoneNumber,
            Reads: [ConnectorFields.PhoneNumber.Property!],
            Key: entry => entry.Inputs.GetValueOrDefault(ConnectorFields.PhoneNumber.Property!) is LiteralInput { Value.Kind: PropertyKind.String } number ? number.Value.AsString() : null,
            At: ConnectorFields.PhoneNumber.Property!,
            Message: (_, number, firstLine) => $"Another connector already installs {number} (line {firstLine}).",
            Hint: "Bird allows one WhatsApp connector per number in a workspace: remove one of the two."),
    ];
}
