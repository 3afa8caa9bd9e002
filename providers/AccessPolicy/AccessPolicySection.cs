
namespace BirdInfra.Providers.AccessPolicy;

/// <summary>The <c>accessPolicies:</c> section: IAM policies with their permission rows.</summary>
public sealed class AccessPolicySection : StackSection
{
    private const string DefinitionExample = "- { effect: allow, actions: [view], resources: [/workspaces/*/channels/*] }";
    private static readonly string[] ResourceVariables = [StackInterpolation.OrganizationId, StackInterpolation.WorkspaceId];

    public override string Name => "accessPolicies";

    public override string Label => "access policy";

    public override int Rank => 0;

    public override FieldTable Fields => AccessPolicyFields.Table;

    public override string Description => "IAM policies by logical name.";

    public override ImmutableArray<KeyValuePair<string, string>> SchemaDefinitions =>
    [
        KeyValuePair.Create("accessPolicy", AccessPolicyFields.Table.EntrySchema()),
        KeyValuePair.Create("policyDefinition", AccessPolicyFields.Definition.EntrySchema()),
    ];

    protected override void ReadFields(ValidationContext context, ScalarNode key, MappingNode body, SourceLocation owner, StackEntryBuilder entry)
    {
        var reader = context.Reader;
        CommonFields.Description(context, body, AccessPolicyFields.Description, owner, entry);
        var field = AccessPolicyFields.Definitions;
        if (reader.Required(body, field.Key!, owner, $"Add the policy's rules, e.g. {field.Key}: [{DefinitionExample[2..]}].") is { } node
            && reader.List(node, DefinitionExample, nonEmpty: false) is { } items)
        {
            var definitions = ImmutableArray.CreateBuilder<InputExpression>();
            var rows = new List<Row>();
            foreach (var item in items)
            {
                var path = $"{field.Property}[{definitions.Count}]";
                definitions.Add(ReadDefinition(context, item, path, entry, rows));
                entry.At(path, item);
            }

            WarnUncoveredParents(context, rows);
            entry.Set(field.Property!, new ListInput(definitions.ToImmutable()), node);
        }
        else
        {
            entry.Set(field.Property!, StackEntryBuilder.Unreadable);
        }
    }

    protected override IEnumerable<YamlField> ExportFields(ResourceSnapshot live, string logicalName, ExportContext context)
    {
        foreach (var field in ExportPlainFields(live))
        {
            yield return field;
        }

        var (effect, actions, resources) = (AccessPolicyFields.Effect, AccessPolicyFields.Actions, AccessPolicyFields.Resources);
        var definitions = (live.Inputs[AccessPolicyFields.Definitions.Property!]?.AsList() ?? []).Select(d => (YamlOut)YamlMapping.Of(
            new YamlField(effect.Key!, d.AsMap().GetString(effect.Property!) ?? string.Empty),
            new YamlField(actions.Key!, YamlSequence.Of(Texts(d.AsMap()[actions.Property!]), flow: true)),
            new YamlField(resources.Key!, YamlSequence.Of(Texts(d.AsMap()[resources.Property!]).Select(context.Interpolated)))));
        yield return new YamlField(AccessPolicyFields.Definitions.Key!, new YamlSequence([.. definitions]));
    }

    private static IEnumerable<string> Texts(PropertyValue? list) => (list?.AsList() ?? []).Select(v => v.AsString());

    /// <summary>A definition as written, with the node of each resource, for the BI089 warning.</summary>
    private sealed record Row(AccessPolicyDefinition Definition, ImmutableArray<StackNode> ResourceNodes);

    private static void WarnUncoveredParents(ValidationContext context, List<Row> rows)
    {
        foreach (var (d, r, parent, missing) in SubtreeCoverage.Uncovered(rows.Select(row => row.Definition).ToList()))
        {
            var row = rows[d].Definition;
            context.Reader.Warn(
                DiagnosticCodes.UncoveredSubtreeParent,
                $"'{Text.Shown(row.Resources[r])}' covers the paths below {Text.Shown(parent)}, not {Text.Shown(parent)} itself (Bird's '**' means child paths), and no '{Text.Shown(row.Effect)}' definition of this policy covers it for {string.Join(", ", missing)}.",
                $"If the key needs {Text.Shown(parent)} itself (e.g. to list it), add '{Text.Shown(parent)}' to these resources; otherwise this warning can be ignored.",
                rows[d].ResourceNodes[r]);
        }
    }

    private static InputExpression ReadDefinition(ValidationContext context, StackNode item, string path, StackEntryBuilder entry, List<Row> rows)
    {
        var reader = context.Reader;
        if (reader.Mapping(item, "A policy definition", $"Write {DefinitionExample}.") is not { } body)
        {
            return StackEntryBuilder.Unreadable;
        }

        var owner = reader.At(body);
        var field = AccessPolicyFields.Effect;
        reader.CheckKeys(body, AccessPolicyFields.Definition.Keys, "a policy definition");
        InputExpression effect = StackEntryBuilder.Unreadable;
        string? effectText = null;
        if (reader.Required(body, field.Key!, owner, field.MissingHint!) is { } effectNode)
        {
            entry.At($"{path}.{field.Property}", effectNode);
            if (reader.String(effectNode, field.Example!) is { } text)
            {
                effect = StackEntryBuilder.Text(text);
                effectText = text;
            }
        }

        var (actions, actionItems) = List(context, body, AccessPolicyFields.Actions, owner, path, entry, interpolate: false);
        var (resources, resourceItems) = List(context, body, AccessPolicyFields.Resources, owner, path, entry, interpolate: true);
        if (effectText is not null && actionItems is { } a && resourceItems is { } r)
        {
            rows.Add(new Row(new AccessPolicyDefinition(effectText, [.. a.Select(i => i.Value)], [.. r.Select(i => i.Value)]), [.. r.Select(i => i.Node)]));
        }

        return StackEntryBuilder.Map((field.Property!, effect), (AccessPolicyFields.Actions.Property!, actions), (AccessPolicyFields.Resources.Property!, resources));
    }

    /// <summary>A list of text of a definition, at <c>{definition}.{field}</c>.</summary>
    private static (InputExpression Value, ImmutableArray<(string Value, StackNode Node)>? Items) List(
        ValidationContext context, MappingNode body, KindField field, SourceLocation owner, string definition, StackEntryBuilder entry, bool interpolate)
    {
        var path = $"{definition}.{field.Property}";
        if (context.Reader.Required(body, field.Key!, owner, field.MissingHint!) is not { } node)
        {
            return (StackEntryBuilder.Unreadable, null);
        }

        entry.At(path, node);
        if (context.Reader.StringList(node, field.Example!, nonEmpty: false, allowInterpolation: interpolate) is not { } items)
        {
            return (StackEntryBuilder.Unreadable, null);
        }

        var values = ImmutableArray.CreateBuilder<InputExpression>();
        foreach (var (value, item) in items)
        {
            entry.At($"{path}[{values.Count}]", item);
            if (!interpolate)
            {
                values.Add(StackEntryBuilder.Text(value));
            }
            else if (CommonFields.Interpolation(context, value, item, ResourceVariables, "policy resources"))
            {
                values.Add(new InterpolatedInput(value));
            }
            else
            {
                values.Add(StackEntryBuilder.Unreadable);
            }
        }

        return (new ListInput(values.ToImmutable()), items);
    }
}
