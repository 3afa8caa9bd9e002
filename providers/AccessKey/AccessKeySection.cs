
namespace BirdInfra.Providers.AccessKey;

/// <summary>The <c>accessKeys:</c> section: access keys holding roles of this stack, optionally scoped to workspaces.</summary>
public sealed class AccessKeySection : StackSection
{
    private static readonly string[] WorkspaceVariables = [StackInterpolation.WorkspaceId];

    public override string Name => "accessKeys";

    public override string Label => "access key";

    public override int Rank => 2;

    public override FieldTable Fields => AccessKeyFields.Table;

    public override string Description => "Access keys by logical name. The token is shown once, at creation, and kept (encrypted) in BirdInfra's state.";

    public override ImmutableArray<KeyValuePair<string, string>> SchemaDefinitions =>
    [
        KeyValuePair.Create("accessKey", AccessKeyFields.Table.EntrySchema()),
        KeyValuePair.Create("accessExpectations", """
            {
              "description": "\"METHOD PATH\" items: a '*' segment means any id (the expectation must hold for every id); ${organizationId} and ${workspaceId} are the target's ids.",
              "type": "array",
              "uniqueItems": true,
              "items": { "type": "string", "pattern": "^(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE) /" }
            }
            """),
    ];

    // Bird shows a token only in the answer to the create: a key adopted or imported has none in state.
    public override ImmutableArray<StackOutput> Outputs { get; } =
    [
        new("accessKeyIds", KindSchema.Id, Secret: false),
        new("accessKeyTokens", AccessKeyFields.Token.Name, Secret: true, WhenAbsent: "created outside BirdInfra"),
    ];

    protected override void ReadFields(ValidationContext context, ScalarNode key, MappingNode body, SourceLocation owner, StackEntryBuilder entry)
    {
        var reader = context.Reader;
        var (field, workspacesField) = (AccessKeyFields.Roles, AccessKeyFields.Workspaces);
        var (id, type, workspacesInput) = (AccessKeyFields.RoleId.Property!, AccessKeyFields.RoleType.Property!, AccessKeyFields.RoleWorkspaces.Property!);
        CommonFields.Description(context, body, AccessKeyFields.Description, owner, entry);
        var roles = CommonFields.References(context, body, field, owner);
        var workspaceNodes = new List<StackNode>();
        StackNode? workspacesNode = null;

        // Absent means every workspace of the organization: the role references then carry no workspaces. Whether a
        // list written here is allowed (not empty, UUIDs) is the kind's Check, so the plugin refuses the same lists.
        InputExpression? workspaces = null;
        if (FieldReader.Optional(body, workspacesField.Key!) is { } node)
        {
            workspacesNode = node;
            if (reader.StringList(node, "workspaces: [\"${workspaceId}\"]", nonEmpty: false, allowInterpolation: true) is { } items)
            {
                var values = ImmutableArray.CreateBuilder<InputExpression>();
                foreach (var (workspace, item) in items)
                {
                    workspaceNodes.Add(item);
                    values.Add(CommonFields.Interpolation(context, workspace, item, WorkspaceVariables, "access key workspaces")
                        ? new InterpolatedInput(workspace)
                        : StackEntryBuilder.Unreadable);
                }

                workspaces = new ListInput(values.ToImmutable());
            }
            else
            {
                workspaces = StackEntryBuilder.Unreadable;
            }
        }

        // Every role of the key is granted in the same workspaces (Bird scopes each role reference on its own).
        // roleRefs comes from roles: a rule on the whole list (at most 5 roles) is reported there.
        entry.Set(field.Property!, roles is null
            ? StackEntryBuilder.Unreadable
            : new ListInput([.. roles.Select((r, i) =>
            {
                var path = $"{field.Property}[{i}]";
                entry.At(path, r.Node).At($"{path}.{id}", r.Node);
                if (workspacesNode is not null)
                {
                    entry.At($"{path}.{workspacesInput}", workspacesNode);
                }

                for (var w = 0; w < workspaceNodes.Count; w++)
                {
                    entry.At($"{path}.{workspacesInput}[{w}]", workspaceNodes[w]);
                }

                var role = new OutputReference(new ResourceAddress(field.ReferencesKind!, r.Name), KindSchema.Id);
                var organization = StackEntryBuilder.Text(AccessKeySpec.DefaultRoleType);
                return (InputExpression)(workspaces is null
                    ? StackEntryBuilder.Map((id, role), (type, organization))
                    : StackEntryBuilder.Map((id, role), (type, organization), (workspacesInput, workspaces)));
            })]),
            FieldReader.Optional(body, field.Key!));
    }

    protected override IEnumerable<YamlField> ExportFields(ResourceSnapshot live, string logicalName, ExportContext context)
    {
        var refs = (live.Inputs[AccessKeyFields.Roles.Property!]?.AsList() ?? []).Select(r => r.AsMap()).ToList();
        yield return new YamlField(AccessKeyFields.Description.Key!, live.Inputs.GetString(AccessKeyFields.Description.Property!) ?? string.Empty);
        yield return ExportReferences(AccessKeyFields.Roles, refs.Select(r => r.GetString(AccessKeyFields.RoleId.Property!) ?? string.Empty), context);

        // The stack scopes every role of a key to the same workspaces; Bird's references each carry their own.
        var workspaces = refs.Select(r => (r[AccessKeyFields.RoleWorkspaces.Property!]?.AsList() ?? []).Select(w => w.AsString()).Order(StringComparer.Ordinal).ToList()).ToList();
        if (workspaces.Count > 0 && workspaces[0].Count > 0)
        {
            var differ = workspaces.Any(w => !w.SequenceEqual(workspaces[0]));
            yield return new YamlField(
                AccessKeyFields.Workspaces.Key!,
                YamlSequence.Of(workspaces[0].Select(context.Interpolated), flow: true),
                differ ? "Bird scopes this key's roles to different workspaces; a stack gives all its roles the same ones" : null);
        }
    }
}
