
namespace BirdInfra.Providers.WebhookSubscription;

/// <summary>
/// The <c>webhookSubscriptions:</c> section. <c>channel: &lt;connector&gt;</c> is stack-file sugar for a
/// <c>channelId</c> event filter holding that connector's channel id, added after the explicit filters. The kind's
/// check judges that filter like any other (as the plugin's Check does); <see cref="MapFailure"/> only words its
/// failures in stack terms.
/// </summary>
public sealed class WebhookSubscriptionSection : StackSection
{
    /// <summary>The variable a stack reads this secret from by convention (hints, and <c>birdinfra export</c>).</summary>
    public const string SigningKeyVariable = "BIRD_WEBHOOK_SIGNING_KEY";

    public const string ChannelIdKey = BirdRules.ChannelIdFilterKey;
    private const string FilterExample = "- { key: messageStatus, value: delivered }";

    public override string Name => "webhookSubscriptions";

    public override string Label => "webhook subscription";

    public override int Rank => 4;

    public override FieldTable Fields => WebhookSubscriptionFields.Table;

    public override string Description => "Webhook subscriptions by logical name.";

    public override ImmutableArray<KeyValuePair<string, string>> SchemaDefinitions => [KeyValuePair.Create("webhookSubscription", WebhookSubscriptionFields.Table.EntrySchema())];

    public override ImmutableArray<StackOutput> Outputs { get; } = [new("webhookSubscriptionIds", KindSchema.Id, Secret: false)];

    protected override void ReadFields(ValidationContext context, ScalarNode key, MappingNode body, SourceLocation owner, StackEntryBuilder entry)
    {
        var reader = context.Reader;
        CommonFields.TableText(context, body, WebhookSubscriptionFields.Service, owner, entry);
        CommonFields.TableText(context, body, WebhookSubscriptionFields.Event, owner, entry);
        CommonFields.TableText(context, body, WebhookSubscriptionFields.Url, owner, entry);
        var filters = Filters(context, body, entry);
        var channel = Channel(context, body);
        var eventFilters = WebhookSubscriptionFields.EventFilters;
        // Without the connector kind in the registry the reference is reported unresolved, and no filter is built.
        if (channel is { } connector && context.Kinds.FindByName(WebhookSubscriptionFields.Channel.ReferencesKind!) is { } channelKind)
        {
            entry.At($"{eventFilters.Property}[{filters.Count}]", connector.Node);
            filters.Add(StackEntryBuilder.Map(
                (WebhookSubscriptionFields.FilterKey.Property!, StackEntryBuilder.Text(ChannelIdKey)),
                (WebhookSubscriptionFields.FilterValue.Property!, new OutputReference(new ResourceAddress(channelKind.Name, connector.Name), channelKind.ReferenceOutput))));
        }

        entry.Set(eventFilters.Property!, new ListInput([.. filters]), FieldReader.Optional(body, eventFilters.Key!));
        CommonFields.TableText(context, body, WebhookSubscriptionFields.Status, owner, entry);
        var signingKey = WebhookSubscriptionFields.SigningKey;
        if (reader.Required(body, signingKey.Key!, owner, signingKey.MissingHint!) is { } keyNode)
        {
            var source = context.Sources.Secret(keyNode, SigningKeyVariable, generateNotAllowed: null);
            entry.Set(signingKey.Property!, source is null ? StackEntryBuilder.Unreadable : new SecretSourceInput(source, $"{Name}.{key.Value}.{signingKey.Key}"), keyNode);
        }
        else
        {
            entry.Set(signingKey.Property!, StackEntryBuilder.Unreadable);
        }
    }

    /// <summary>A subscription has no name in Bird: its logical name comes from its channel's connector and its event.</summary>
    public override string ExportName(ResourceSnapshot live, ExportContext context) =>
        (Channel(live, context) is { } connector ? connector + " " : string.Empty) + (live.Inputs.GetString(WebhookSubscriptionFields.Event.Property!) ?? live.Id);

    protected override IEnumerable<YamlField> ExportFields(ResourceSnapshot live, string logicalName, ExportContext context)
    {
        foreach (var field in ExportPlainFields(live, WebhookSubscriptionFields.Service.Key!))
        {
            yield return field;
        }

        foreach (var text in new[] { WebhookSubscriptionFields.Event, WebhookSubscriptionFields.Url })
        {
            yield return new YamlField(text.Key!, live.Inputs.GetString(text.Property!) ?? string.Empty);
        }

        var connector = Channel(live, context);
        if (connector is not null)
        {
            yield return new YamlField(WebhookSubscriptionFields.Channel.Key!, connector);
        }

        var (eventFilters, key, value) = (WebhookSubscriptionFields.EventFilters, WebhookSubscriptionFields.FilterKey, WebhookSubscriptionFields.FilterValue);
        var filters = (live.Inputs[eventFilters.Property!]?.AsList() ?? [])
            .Select(f => f.AsMap())
            .Where(f => connector is null || f.GetString(key.Property!) != ChannelIdKey)
            .Select(f => (YamlOut)new YamlMapping([new YamlField(key.Key!, f.GetString(key.Property!) ?? string.Empty), new YamlField(value.Key!, f.GetString(value.Property!) ?? string.Empty)], Flow: true))
            .ToImmutableArray();
        if (!filters.IsEmpty)
        {
            yield return new YamlField(eventFilters.Key!, new YamlSequence(filters));
        }

        foreach (var field in ExportPlainFields(live, WebhookSubscriptionFields.Status.Key!))
        {
            yield return field;
        }

        yield return new YamlField(WebhookSubscriptionFields.SigningKey.Key!, YamlMapping.Env(SigningKeyVariable), $"Bird never returns it: set {SigningKeyVariable} (or name a variable per subscription)");
    }

    /// <summary>The kind's failures on the filter <c>channel:</c> stands for, said about <c>channel:</c>.</summary>
    public override CheckFailure? MapFailure(CheckFailure failure, StackEntry entry)
    {
        if (entry.NodeFor(failure.Path) is not { } node || !node.Path.EndsWith(".channel", StringComparison.Ordinal))
        {
            return failure;
        }

        return failure.Code switch
        {
            DiagnosticCodes.UnknownEventFilterKey => new CheckFailure(
                failure.Path,
                entry.Inputs.GetValueOrDefault(WebhookSubscriptionFields.Event.Property!) is LiteralInput { Value.Kind: PropertyKind.String } eventName
                    ? $"Event '{Text.Shown(eventName.Value.AsString())}' cannot be filtered by channel, so 'channel:' does not apply."
                    : "This event cannot be filtered by channel, so 'channel:' does not apply.",
                "Use channel: with a channel message event such as whatsapp.inbound, whatsapp.outbound or whatsapp.interaction; remove it here.",
                DiagnosticCodes.ChannelNotAllowed),
            DiagnosticCodes.MultipleChannelFilters => failure with
            {
                Message = "'channel:' adds a channelId filter, and eventFilters has one already; a subscription takes one channelId filter.",
                Hint = "Remove the channelId filter from eventFilters, or make one subscription per channel.",
            },
            _ => failure,
        };
    }

    private static (string Name, StackNode Node)? Channel(ValidationContext context, MappingNode body)
    {
        if (FieldReader.Optional(body, WebhookSubscriptionFields.Channel.Key!) is not { } node)
        {
            return null;
        }

        if (context.Reader.String(node, WebhookSubscriptionFields.Channel.Example!) is not { } connector)
        {
            return (string.Empty, node);
        }

        context.Index.References.Add((WebhookSubscriptionFields.Channel.ReferencesSection!, connector, node));
        return (connector, node);
    }

    /// <summary>The logical name of the exported connector whose channel the subscription's one channelId filter names.</summary>
    private static string? Channel(ResourceSnapshot live, ExportContext context)
    {
        var channels = (live.Inputs[WebhookSubscriptionFields.EventFilters.Property!]?.AsList() ?? []).Select(f => f.AsMap())
            .Where(f => f.GetString(WebhookSubscriptionFields.FilterKey.Property!) == ChannelIdKey).ToList();
        return channels.Count == 1 && channels[0].GetString(WebhookSubscriptionFields.FilterValue.Property!) is { } channelId
            ? context.LogicalNameByReference(WebhookSubscriptionFields.Channel.ReferencesKind!, channelId)
            : null;
    }

    /// <summary>The explicit filters.</summary>
    private static List<InputExpression> Filters(ValidationContext context, MappingNode body, StackEntryBuilder entry)
    {
        var reader = context.Reader;
        var (eventFilters, keyField, valueField) = (WebhookSubscriptionFields.EventFilters, WebhookSubscriptionFields.FilterKey, WebhookSubscriptionFields.FilterValue);
        var filters = new List<InputExpression>();
        if (FieldReader.Optional(body, eventFilters.Key!) is not { } node
            || reader.List(node, $"{eventFilters.Key}: [{FilterExample[2..]}]", nonEmpty: false) is not { } items)
        {
            return filters;
        }

        foreach (var item in items)
        {
            var path = $"{eventFilters.Property}[{filters.Count}]";
            if (reader.Mapping(item, "An event filter", $"Write {FilterExample}.") is not { } filter)
            {
                continue;
            }

            var owner = reader.At(filter);
            reader.CheckKeys(filter, WebhookSubscriptionFields.Filter.Keys, "an event filter");
            var keyNode = reader.Required(filter, keyField.Key!, owner, $"Write {FilterExample}.");
            var valueNode = reader.Required(filter, valueField.Key!, owner, $"Write {FilterExample}.");
            var key = keyNode is null ? null : reader.String(keyNode, keyField.Example!);
            var value = valueNode is null ? null : reader.String(valueNode, valueField.Example!);
            entry.At(path, item);
            if (keyNode is not null)
            {
                entry.At($"{path}.{keyField.Property}", keyNode);
            }

            if (valueNode is not null)
            {
                entry.At($"{path}.{valueField.Property}", valueNode);
            }

            filters.Add(StackEntryBuilder.Map(
                (keyField.Property!, key is null ? StackEntryBuilder.Unreadable : StackEntryBuilder.Text(key)),
                (valueField.Property!, value is null ? StackEntryBuilder.Unreadable : StackEntryBuilder.Text(value))));
        }

        return filters;
    }

    /// <summary>Bird accepts at most this many subscriptions with the same service, event and filters.</summary>
    private const int MaxSubscriptionsPerFilterSet = 5;

    /// <summary>
    /// Bird refuses a subscription identical to another (same service, event, url and filters), and more than
    /// <see cref="MaxSubscriptionsPerFilterSet"/> with the same service, event and filters. A subscription whose check
    /// failed anywhere is left out of both (Reads: null).
    /// </summary>
    public override ImmutableArray<CrossRule> CrossRules { get; } =
    [
        new UniqueKeyRule(
            DiagnosticCodes.DuplicateSubscription,
            Reads: null,
            Key: entry => Identity(entry) is { } identity ? $"{identity.FilterSet}\n{identity.Url}" : null,
            At: null,
            Message: (entry, _, firstLine) => $"Subscription '{Text.Shown(entry.LogicalName)}' repeats another one (line {firstLine}): same service, event, url and filters.",
            Hint: "Bird rejects identical subscriptions: remove one of the two."),
        new GroupLimitRule(
            DiagnosticCodes.SubscriptionLimit,
            Reads: null,
            Group: entry => Identity(entry)?.FilterSet,
            MaxSubscriptionsPerFilterSet,
            At: null,
            Message: (entry, count) => $"This is subscription number {count} for {Literal(entry.Inputs, WebhookSubscriptionFields.Service.Property!)} {Literal(entry.Inputs, WebhookSubscriptionFields.Event.Property!)} with the same filters; Bird allows {MaxSubscriptionsPerFilterSet}.",
            Hint: "Fan out to more URLs from one of your endpoints, or filter the subscriptions differently."),
    ];

    /// <summary>
    /// What Bird compares subscriptions by: service, event and the sorted filters (<c>channel:</c> as the connector's
    /// channel), and the url. Null when one of them could not be read (reported already): a list that is not one, or a
    /// filter that is not a mapping, leaves no input behind, so the YAML node is asked too.
    /// </summary>
    private static (string FilterSet, string Url)? Identity(StackEntry entry)
    {
        if (Literal(entry.Inputs, WebhookSubscriptionFields.Service.Property!) is not { } service
            || Literal(entry.Inputs, WebhookSubscriptionFields.Event.Property!) is not { } eventName
            || Literal(entry.Inputs, WebhookSubscriptionFields.Url.Property!) is not { } url
            || entry.Inputs.GetValueOrDefault(WebhookSubscriptionFields.EventFilters.Property!) is not ListInput filters
            || (entry.Nodes.GetValueOrDefault(WebhookSubscriptionFields.EventFilters.Property!) is { } node && (node is not SequenceNode sequence || sequence.Items.Any(i => i is not MappingNode))))
        {
            return null;
        }

        var canonical = new List<string>();
        foreach (var filter in filters.Items)
        {
            if (filter is not MapInput { Properties: var properties }
                || Literal(properties, WebhookSubscriptionFields.FilterKey.Property!) is not { } key
                || (Literal(properties, WebhookSubscriptionFields.FilterValue.Property!) ?? ChannelFilterValue(properties.GetValueOrDefault(WebhookSubscriptionFields.FilterValue.Property!))) is not { } value)
            {
                return null;
            }

            canonical.Add($"{key}={value}");
        }

        canonical.Sort(StringComparer.Ordinal);
        return ($"{service}\n{eventName}\n{string.Join("&", canonical)}", url);
    }

    /// <summary>The filter <c>channel:</c> adds: its value names the connector (an unreadable <c>channel:</c> names none).</summary>
    private static string? ChannelFilterValue(InputExpression? value) =>
        value is OutputReference { Target.Name: { Length: > 0 } connector } ? $"<channel of {connector}>" : null;

    private static string? Literal(IReadOnlyDictionary<string, InputExpression> inputs, string name) =>
        inputs.GetValueOrDefault(name) is LiteralInput { Value.Kind: PropertyKind.String } text ? text.Value.AsString() : null;
}
