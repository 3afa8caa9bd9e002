using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Graph;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Stacks;
using BirdInfra.Providers.Stacks.Reading;
using BirdInfra.Providers.Stacks.Writing;
using BirdInfra.Providers.Stacks.Yaml;

namespace BirdInfra.Providers.AccessRole;

/// <summary>The <c>accessRoles:</c> section: IAM roles, each made of policies of this stack.</summary>
public sealed class AccessRoleSection : StackSection
{
    public override string Name => "accessRoles";

    public override string Label => "access role";

    public override int Rank => 1;

    public override string RequiredFields => "policies";

    public override ImmutableArray<string> Keys { get; } = ["name", "description", "policies", StackKeys.Protect];

    public override ImmutableArray<StackReference> References { get; } = [new("policies", "accessPolicies", "AccessPolicy")];

    public override string Description => "IAM roles by logical name.";

    public override ImmutableArray<KeyValuePair<string, string>> SchemaDefinitions { get; } =
    [
        KeyValuePair.Create("accessRole", """
            {
              "type": "object",
              "additionalProperties": false,
              "required": ["policies"],
              "properties": {
                "name": { "$ref": "#/$defs/birdName", "description": "Bird-side name; defaults to the logical name." },
                "description": { "$ref": "#/$defs/birdName" },
                "policies": {
                  "description": "Logical names of accessPolicies.",
                  "type": "array",
                  "minItems": 1,
                  "uniqueItems": true,
                  "items": { "$ref": "#/$defs/logicalName" }
                },
                "protect": { "$ref": "#/$defs/protect" }
              }
            }
            """),
    ];

    protected override void ReadFields(ValidationContext context, ScalarNode key, MappingNode body, SourceLocation owner, StackEntryBuilder entry)
    {
        CommonFields.Description(context, body, required: false, owner, entry);
        var policies = CommonFields.References(context, body, "policies", "accessPolicies", owner);
        entry.Set("policies", policies is null
            ? StackEntryBuilder.Unreadable
            : new ListInput([.. policies.Select((p, i) =>
            {
                entry.At($"policies[{i}]", p.Node);
                return (InputExpression)StackEntryBuilder.Map(
                    ("id", new OutputReference(new ResourceAddress("AccessPolicy", p.Name), "id")),
                    ("type", StackEntryBuilder.Text("organization")));
            })]));
    }

    protected override IEnumerable<YamlField> ExportFields(ResourceSnapshot live, string logicalName, ExportContext context) =>
        ExportDescription(live).Append(ExportReferences(
            "policies",
            "AccessPolicy",
            (live.Inputs["policies"]?.AsList() ?? []).Select(p => p.AsMap().GetString("id") ?? string.Empty),
            context));
}
