using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Schema;
using BirdInfra.Providers.Stacks.Reading;

namespace BirdInfra.Providers.AccessKey;

/// <summary>An access key's fields, declared once: the section, Check, both schemas and export are derived from this table.</summary>
internal static class AccessKeyFields
{
    public static FieldTable Table { get; } = new(
        KindField.Name("Key name (1-256 characters).", replaceOnChange: true),
        KindField.BirdDescription("Description (1-256 characters); Bird requires it.", required: true, replaceOnChange: true, stackDescription: "Required by Bird.") with
        {
            // Written even when Bird returned none: validate then asks for one.
            Export = FieldExport.Custom,
        },
        KindField.References(
            "roles",
            "roleRefs",
            "accessRoles",
            "AccessRole",
            PropertyType.ArrayOf(PropertyType.Object(
                new PropertySchema("id", PropertyType.String, "The role's id, usually an AccessRole's id output.", Required: true),
                new PropertySchema("type", PropertyType.OneOf([.. AccessKeySpec.RoleTypes]), "'organization' for custom roles (default), 'managed' for Bird's."),
                new PropertySchema("workspaces", PropertyType.ArrayOf(PropertyType.String), "Workspace ids the role is limited to; empty (default) = not limited."))),
            "The roles the key acts with (at most 5); a set, kept sorted by id.") with
        {
            ReplaceOnChange = true,
            Drift = AccessKeyDrift.RoleRefs,
        },

        // Sugar of the stack file: every role reference of the key carries the same workspaces (roleRefs[i].workspaces).
        new("workspaces", null, PropertyType.ArrayOf(PropertyType.String), "Workspace ids every role of the key is limited to.")
        {
            StackSchema = """
                {
                  "description": "Optional scoping: workspace UUIDs or \"${workspaceId}\". Absent = every workspace of the organization; an empty list is an error.",
                  "type": "array",
                  "minItems": 1,
                  "uniqueItems": true,
                  "items": { "anyOf": [{ "const": "${workspaceId}" }, { "$ref": "#/$defs/uuid" }] }
                }
                """,
            Export = FieldExport.Custom,
        },
        KindField.Protect,

        // Stack-only: read by the engine's expectation reader, never sent to Bird, never diffed.
        new(StackKeys.Expect, null, PropertyType.Object(), "What the key must and must not be able to do.")
        {
            StackSchema = """
                {
                  "description": "What the key must and must not be able to do, checked offline by validate, preview, up and the Pulumi program. Only steers BirdInfra: never sent to Bird, never an input of the key.",
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "allow": { "$ref": "#/$defs/accessExpectations" },
                    "deny": { "$ref": "#/$defs/accessExpectations" }
                  }
                }
                """,
            Export = FieldExport.Custom,
        });
}
