
namespace BirdInfra.Providers.AccessRole;

/// <summary>A role's fields, declared once: the section, Check, both schemas and export are derived from this table.</summary>
internal static class AccessRoleFields
{
    public static KindField PolicyId { get; } = KindField.ReferenceId("policy", "AccessPolicy");

    public static KindField PolicyType { get; } = KindField.IamType("policy", "policies");

    /// <summary>The fields of one policy reference.</summary>
    public static FieldTable PolicyRef { get; } = new(PolicyId, PolicyType);

    public static KindField Policies { get; } = KindField.References("policies", "accessPolicies", "AccessPolicy", PolicyRef, "The policies the role holds; a set, kept sorted by id.") with
    {
        // On the chain of the stack's keys: any change counts as more access, as a policy's rows do.
        Drift = FieldDrift.GrantsAccess,
    };

    public static KindField Name { get; } = KindField.Name("Role name (1-256 characters), unique in the organization.", replaceOnChange: false);

    public static KindField Description { get; } = KindField.BirdDescription("Optional description (1-256 characters).", required: false, replaceOnChange: false);

    public static FieldTable Table { get; } = new(
        Name,
        Description,
        Policies,
        KindField.Protect);

    // What Bird assigns (outputs beside the id), declared once for the Pulumi schema and the kind's code.
    public static PropertySchema BirdType { get; } = new("type", PropertyType.String, "Bird's role type ('organization' for custom roles).");

    public static ImmutableArray<PropertySchema> Outputs { get; } = [BirdType];
}
