using System.Text.Json.Nodes;

namespace BirdInfra.Providers.AccessPolicy;

/// <summary>A policy's fields, declared once: the section, Check, both schemas and export are derived from this table.</summary>
internal static class AccessPolicyFields
{
    public static KindField Effect { get; } = new("effect", PropertyType.OneOf([.. BirdRules.PolicyEffects]), "Whether the rule allows or denies the actions.")
    {
        Required = true,
        Rule = new ValueRule(BirdRules.PolicyEffect, Values: BirdRules.PolicyEffects),
        Example = "effect: allow",
        MissingHint = "Add effect: allow (or deny).",
    };

    public static KindField Actions { get; } = new(
        "actions",
        PropertyType.ArrayOf(PropertyType.OneOf([.. BirdRules.PolicyActions])),
        "Actions the rule covers: create (POST), view (GET), update (PUT/PATCH), delete (DELETE) or any. Sorted and de-duplicated.")
    {
        Required = true,
        Rule = new ValueRule(BirdRules.PolicyAction, Values: BirdRules.PolicyActions),
        StackSchema = $$"""{ "type": "array", "minItems": 1, "uniqueItems": true, "items": { "enum": {{new JsonArray([.. BirdRules.PolicyActions.Select(v => JsonValue.Create(v))]).ToJsonString()}} } }""",
        Example = "actions: [view]",
        MissingHint = "Add actions, e.g. actions: [view].",
    };

    public static KindField Resources { get; } = new(
        "resources",
        PropertyType.ArrayOf(PropertyType.String),
        "API paths without host, e.g. /workspaces/*/channels/*/messages; '*' matches one segment, a final '**' one or more segments below (so /x/** does not cover /x). Sorted and de-duplicated.")
    {
        Required = true,
        Rule = new ValueRule(BirdRules.ResourcePath),
        StackSchema = $$"""
            {
              "description": "API paths without host; '*' = one segment, '**' (last) = one or more segments below (so '/x/**' does not cover '/x'); ${organizationId} and ${workspaceId} are interpolated.",
              "type": "array",
              "minItems": 1,
              "uniqueItems": true,
              "items": { "type": "string", "pattern": "^/", "maxLength": {{BirdRules.MaxResourcePathLength}} }
            }
            """,
        Example = "resources: [/workspaces/*/channels/*]",
        MissingHint = "Add resources, e.g. resources: [/workspaces/*/channels/*].",
    };

    /// <summary>The fields of one definition (<c>$defs/policyDefinition</c> in the stack schema, an object type in the Pulumi schema).</summary>
    public static FieldTable Definition { get; } = new(Effect, Actions, Resources);

    public static KindField Definitions { get; } = KindField.ObjectList("definitions", Definition, "The policy's rules; at least one. Anything not allowed is denied.") with
    {
        Required = true,
        ReplaceOnChange = true,

        // A managed policy's rows are on the chain of the stack's keys. Until the access evaluator can tell a change
        // that grants more from one that grants less, any such change counts as more access.
        Drift = FieldDrift.GrantsAccess,
        StackSchema = """{ "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/policyDefinition" } }""",
        Export = FieldExport.Custom,
    };

    public static KindField Name { get; } = KindField.Name("Policy name (1-256 characters). Not unique in Bird.", replaceOnChange: true);

    public static KindField Description { get; } = KindField.BirdDescription("Optional description (1-256 characters).", required: false, replaceOnChange: true);

    public static FieldTable Table { get; } = new(
        Name,
        Description,
        Definitions,
        KindField.Protect);

    // What Bird assigns (outputs beside the id), declared once for the Pulumi schema and the kind's code.
    public static PropertySchema BirdType { get; } = new("type", PropertyType.String, "Bird's policy type ('organization' for custom policies).");

    public static PropertySchema Scope { get; } = new("scope", PropertyType.String, "Bird's policy scope, e.g. 'organization'.");

    public static ImmutableArray<PropertySchema> Outputs { get; } = [BirdType, Scope];
}
