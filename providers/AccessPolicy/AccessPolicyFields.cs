using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Rules;
using BirdInfra.Providers.Schema;

namespace BirdInfra.Providers.AccessPolicy;

/// <summary>A policy's fields, declared once: the section, Check, both schemas and export are derived from this table.</summary>
internal static class AccessPolicyFields
{
    public static FieldTable Table { get; } = new(
        KindField.Name("Policy name (1-256 characters). Not unique in Bird.", replaceOnChange: true),
        KindField.BirdDescription("Optional description (1-256 characters).", required: false, replaceOnChange: true),
        new("definitions", "definitions", PropertyType.ArrayOf(PropertyType.Object(
            new PropertySchema("effect", PropertyType.OneOf([.. BirdRules.PolicyEffects]), "Whether the rule allows or denies the actions.", Required: true),
            new PropertySchema("actions", PropertyType.ArrayOf(PropertyType.OneOf([.. BirdRules.PolicyActions])), "Actions the rule covers: create (POST), view (GET), update (PUT/PATCH), delete (DELETE) or any. Sorted and de-duplicated.", Required: true),
            new PropertySchema("resources", PropertyType.ArrayOf(PropertyType.String), "API paths without host, e.g. /workspaces/*/channels/*/messages; '*' matches one segment, a final '**' one or more segments below (so /x/** does not cover /x). Sorted and de-duplicated.", Required: true))),
            "The policy's rules; at least one. Anything not allowed is denied.")
        {
            Required = true,
            ReplaceOnChange = true,

            // A managed policy's rows are on the chain of the stack's keys. Until the access evaluator can tell a change
            // that grants more from one that grants less, any such change counts as more access.
            Drift = FieldDrift.GrantsAccess,
            StackSchema = """{ "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/policyDefinition" } }""",
            Export = FieldExport.Custom,
        },
        KindField.Protect);

    /// <summary>The JSON Schema of one definition (<c>$defs/policyDefinition</c>), its enumerations from <see cref="BirdRules"/>.</summary>
    public static string DefinitionSchema { get; } = $$"""
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["effect", "actions", "resources"],
          "properties": {
            "effect": { "enum": {{Json(BirdRules.PolicyEffects)}} },
            "actions": {
              "type": "array",
              "minItems": 1,
              "uniqueItems": true,
              "items": { "enum": {{Json(BirdRules.PolicyActions)}} }
            },
            "resources": {
              "description": "API paths without host; '*' = one segment, '**' (last) = one or more segments below (so '/x/**' does not cover '/x'); ${organizationId} and ${workspaceId} are interpolated.",
              "type": "array",
              "minItems": 1,
              "uniqueItems": true,
              "items": { "type": "string", "pattern": "^/", "maxLength": {{BirdRules.MaxResourcePathLength}} }
            }
          }
        }
        """;

    private static string Json(IEnumerable<string> values) => System.Text.Json.JsonSerializer.Serialize(values);
}
