
namespace BirdInfra.Providers.AccessRole;

/// <summary>The <c>accessRoles:</c> section: IAM roles, each made of policies of this stack.</summary>
public sealed class AccessRoleSection : StackSection
{
    public override string Name => "accessRoles";

    public override string Label => "access role";

    public override int Rank => 1;

    public override FieldTable Fields => AccessRoleFields.Table;

    public override string Description => "IAM roles by logical name.";

    public override ImmutableArray<KeyValuePair<string, string>> SchemaDefinitions => [KeyValuePair.Create("accessRole", AccessRoleFields.Table.EntrySchema())];

    protected override void ReadFields(ValidationContext context, ScalarNode key, MappingNode body, SourceLocation owner, StackEntryBuilder entry)
    {
        CommonFields.Description(context, body, AccessRoleFields.Description, owner, entry);
        var field = AccessRoleFields.Policies;
        var policies = CommonFields.References(context, body, field, owner);
        entry.Set(field.Property!, policies is null
            ? StackEntryBuilder.Unreadable
            : new ListInput([.. policies.Select((p, i) =>
            {
                entry.At($"{field.Property}[{i}]", p.Node);
                return (InputExpression)StackEntryBuilder.Map(
                    (AccessRoleFields.PolicyId.Property!, new OutputReference(new ResourceAddress(field.ReferencesKind!, p.Name), KindSchema.Id)),
                    (AccessRoleFields.PolicyType.Property!, StackEntryBuilder.Text(AccessRoleSpec.DefaultPolicyType)));
            })]));
    }

    protected override IEnumerable<YamlField> ExportFields(ResourceSnapshot live, string logicalName, ExportContext context) =>
        ExportPlainFields(live).Append(ExportReferences(
            AccessRoleFields.Policies,
            (live.Inputs[AccessRoleFields.Policies.Property!]?.AsList() ?? []).Select(p => p.AsMap().GetString(AccessRoleFields.PolicyId.Property!) ?? string.Empty),
            context));
}
