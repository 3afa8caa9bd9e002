using System.Collections.Immutable;
using BirdInfra.Providers.Graph;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Stacks;
using BirdInfra.Providers.Stacks.Reading;
using BirdInfra.Providers.Stacks.Yaml;

namespace BirdInfra.Providers.AccessPolicy;

/// <summary>The <c>accessPolicies:</c> section: IAM policies with their permission rows.</summary>
public sealed class AccessPolicySection : StackSection
{
    private const string DefinitionExample = "- { effect: allow, actions: [view], resources: [/workspaces/*/channels/*] }";
    private static readonly string[] ResourceVariables = [StackInterpolation.OrganizationId, StackInterpolation.WorkspaceId];
    private static readonly ImmutableArray<string> DefinitionKeys = ["effect", "actions", "resources"];

    public override string Name => "accessPolicies";

    public override string Label => "access policy";

    public override int Rank => 0;

    public override string RequiredFields => "definitions";

    public override ImmutableArray<string> Keys { get; } = ["name", "description", "definitions", StackKeys.Protect];

    public override ImmutableArray<StackReference> References => [];

    public override string Description => "IAM policies by logical name.";

    public override ImmutableArray<KeyValuePair<string, string>> SchemaDefinitions { get; } =
    [
        KeyValuePair.Create("accessPolicy", """
            {
              "type": "object",
              "additionalProperties": false,
              "required": ["definitions"],
              "properties": {
                "name": { "$ref": "#/$defs/birdName", "description": "Bird-side name; defaults to the logical name." },
                "description": { "$ref": "#/$defs/birdName" },
                "definitions": {
                  "type": "array",
                  "minItems": 1,
                  "items": { "$ref": "#/$defs/policyDefinition" }
                },
                "protect": { "$ref": "#/$defs/protect" }
              }
            }
            """),
        KeyValuePair.Create("policyDefinition", """
            {
              "type": "object",
              "additionalProperties": false,
              "required": ["effect", "actions", "resources"],
              "properties": {
                "effect": { "enum": ["allow", "deny"] },
                "actions": {
                  "type": "array",
                  "minItems": 1,
                  "uniqueItems": true,
                  "items": { "enum": ["any", "create", "view", "update", "delete"] }
                },
                "resources": {
                  "description": "API paths without host; '*' = one segment, '**' (last) = any suffix; ${organizationId} and ${workspaceId} are interpolated.",
                  "type": "array",
                  "minItems": 1,
                  "uniqueItems": true,
                  "items": { "type": "string", "pattern": "^/", "maxLength": 1024 }
                }
              }
            }
            """),
    ];

    public override StackEntry? Read(ValidationContext context, ScalarNode key, MappingNode body)
    {
        var reader = context.Reader;
        var owner = reader.At(key);
        var entry = new StackEntryBuilder("AccessPolicy", Name, key.Value, owner);
        reader.CheckKeys(body, Keys, $"access policy '{Text.Shown(key.Value)}'");
        CommonFields.Name(context, Name, key, body, entry);
        CommonFields.Description(context, body, required: false, owner, entry);
        if (reader.Required(body, "definitions", owner, $"Add the policy's rules, e.g. definitions: [{DefinitionExample[2..]}].") is { } node
            && reader.List(node, DefinitionExample, nonEmpty: true) is { } items)
        {
            var definitions = ImmutableArray.CreateBuilder<InputExpression>();
            foreach (var item in items)
            {
                var path = $"definitions[{definitions.Count}]";
                definitions.Add(ReadDefinition(context, item, path, entry));
                entry.At(path, item);
            }

            entry.Set("definitions", new ListInput(definitions.ToImmutable()), node);
        }
        else
        {
            entry.Set("definitions", StackEntryBuilder.Unreadable);
        }

        return entry.Build();
    }

    private static InputExpression ReadDefinition(ValidationContext context, StackNode item, string path, StackEntryBuilder entry)
    {
        var reader = context.Reader;
        if (reader.Mapping(item, "A policy definition", $"Write {DefinitionExample}.") is not { } body)
        {
            return StackEntryBuilder.Unreadable;
        }

        var owner = reader.At(body);
        reader.CheckKeys(body, DefinitionKeys, "a policy definition");
        InputExpression effect = StackEntryBuilder.Unreadable;
        if (reader.Required(body, "effect", owner, "Add effect: allow (or deny).") is { } effectNode)
        {
            entry.At($"{path}.effect", effectNode);
            if (reader.String(effectNode, "effect: allow") is { } text)
            {
                effect = StackEntryBuilder.Text(text);
            }
        }

        var actions = List(context, body, "actions", "Add actions, e.g. actions: [view].", "actions: [view]", owner, $"{path}.actions", entry, interpolate: false);
        var resources = List(context, body, "resources", "Add resources, e.g. resources: [/workspaces/*/channels/*].", "resources: [/workspaces/*/channels/*]", owner, $"{path}.resources", entry, interpolate: true);
        return StackEntryBuilder.Map(("effect", effect), ("actions", actions), ("resources", resources));
    }

    private static InputExpression List(
        ValidationContext context, MappingNode body, string field, string hint, string example, Diagnostics.SourceLocation owner, string path, StackEntryBuilder entry, bool interpolate)
    {
        if (context.Reader.Required(body, field, owner, hint) is not { } node)
        {
            return StackEntryBuilder.Unreadable;
        }

        entry.At(path, node);
        if (context.Reader.StringList(node, example, nonEmpty: true, allowInterpolation: interpolate) is not { } items)
        {
            return StackEntryBuilder.Unreadable;
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

        return new ListInput(values.ToImmutable());
    }
}
