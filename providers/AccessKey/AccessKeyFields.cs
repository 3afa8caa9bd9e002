
namespace BirdInfra.Providers.AccessKey;

/// <summary>An access key's fields, declared once: the section, Check, both schemas and export are derived from this table.</summary>
internal static class AccessKeyFields
{
    public static KindField RoleId { get; } = KindField.ReferenceId("role", "AccessRole");

    public static KindField RoleType { get; } = KindField.IamType("role", "roles");

    /// <summary>The workspaces a role reference is limited to; in a stack file, the key's <see cref="Workspaces"/>.</summary>
    public static KindField RoleWorkspaces { get; } = new(null, "workspaces", PropertyType.ArrayOf(PropertyType.String), "Workspace ids the role is limited to; empty (default) = not limited.");

    /// <summary>The fields of one role reference.</summary>
    public static FieldTable RoleRef { get; } = new(RoleId, RoleType, RoleWorkspaces);

    public static KindField Roles { get; } = KindField.References("roles", "roleRefs", "accessRoles", "AccessRole", RoleRef, "The roles the key acts with (at most 5); a set, kept sorted by id.") with
    {
        ReplaceOnChange = true,
        Drift = AccessKeyDrift.RoleRefs,
    };

    // Sugar of the stack file: every role reference of the key carries the same workspaces (roleRefs[i].workspaces).
    public static KindField Workspaces { get; } = new(RoleWorkspaces.Property, null, PropertyType.ArrayOf(PropertyType.String), "Workspace ids every role of the key is limited to.")
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
    };

    public static KindField Name { get; } = KindField.Name("Key name (1-256 characters).", replaceOnChange: true);

    public static KindField Description { get; } = KindField.BirdDescription("Description (1-256 characters); Bird requires it.", required: true, replaceOnChange: true, stackDescription: "Required by Bird.") with
    {
        // Written even when Bird returned none: validate then asks for one.
        Export = FieldExport.Custom,
    };

    public static FieldTable Table { get; } = new(
        Name,
        Description,
        Roles,
        Workspaces,
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

    // What Bird assigns (outputs beside the id), declared once for the Pulumi schema and the kind's code.
    public static PropertySchema Suffix { get; } = new("suffix", PropertyType.String, "The token's last characters, as Bird shows them.");

    public static PropertySchema Token { get; } = new("token", PropertyType.String, "The key's token (use as 'Authorization: AccessKey <token>'); shown by Bird only at creation.", Secret: true);

    public static ImmutableArray<PropertySchema> Outputs { get; } = [Suffix, Token];
}
