using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Schema;

namespace BirdInfra.Providers.AccessRole;

/// <summary>A role's fields, declared once: the section, Check, both schemas and export are derived from this table.</summary>
internal static class AccessRoleFields
{
    public static FieldTable Table { get; } = new(
        KindField.Name("Role name (1-256 characters), unique in the organization.", replaceOnChange: false),
        KindField.BirdDescription("Optional description (1-256 characters).", required: false, replaceOnChange: false),
        KindField.References(
            "policies",
            "policies",
            "accessPolicies",
            "AccessPolicy",
            PropertyType.ArrayOf(PropertyType.Object(
                new PropertySchema("id", PropertyType.String, "The policy's id, usually an AccessPolicy's id output.", Required: true),
                new PropertySchema("type", PropertyType.OneOf([.. AccessRoleSpec.PolicyTypes]), "'organization' for custom policies (default), 'managed' for Bird's."))),
            "The policies the role holds; a set, kept sorted by id.") with
        {
            // On the chain of the stack's keys: any change counts as more access, as a policy's rows do.
            Drift = FieldDrift.GrantsAccess,
        },
        KindField.Protect);
}
