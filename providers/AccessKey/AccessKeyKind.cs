
namespace BirdInfra.Providers.AccessKey;

/// <summary>
/// An organization access key. Bird shows its token once, in the create response, so the token is a
/// secret output captured there and carried over from state afterwards. Bird has no key update: any
/// change replaces the key, which is a token rotation (new key first, then the old one is deleted).
/// </summary>
public sealed class AccessKeyKind : IResourceKind
{
    private static readonly BirdCollection AccessKeys = new("/organizations/{organizationId}/access-keys");

    /// <summary>What replacing a key means for its users; the plan shows it with the replacement.</summary>
    public const string TokenRotation = "this rotates the access key's token";

    public string Name => "AccessKey";

    public KindSchema Schema { get; } = BuildSchema();

    public StackSection Stack { get; } = new AccessKeySection();

    public AccessPart? Access { get; } = new(AccessTier.Key, AccessKeyFields.Roles.Property!)
    {
        Id = AccessKeyFields.RoleId.Property,
        Workspaces = AccessKeyFields.RoleWorkspaces.Property,
        Token = AccessKeyFields.Token.Name,
    };

    public IBesideStack Beside { get; } = new AccessKeyDrift();

    /// <summary>No update: a changed key is replaced.</summary>
    public IReadOnlyList<BirdCall> Calls { get; } = [.. AccessKeys.Crud("access key", "access keys", update: false)];

    public CheckResult Check(PropertyMap inputs)
    {
        var check = new InputChecker();
        var normalised = check.Fields(inputs, AccessKeyFields.Table);
        var field = AccessKeyFields.Roles;
        var roleRefs = check.List(inputs, string.Empty, field);
        if (roleRefs is { Length: > 5 })
        {
            check.Fail(field.Property!, $"An access key can hold at most 5 roles, not {roleRefs.Value.Length}.", "Combine policies into fewer roles.");
        }

        if ((roleRefs is { } list ? PropertyValue.List(SortedRoleRefs(check, list)) : inputs[field.Property!]) is { IsNull: false } checkedRoleRefs)
        {
            normalised = normalised.With(field.Property!, checkedRoleRefs);
        }
        return new CheckResult(normalised, check.Failures);
    }

    /// <summary>
    /// State holds an organization-wide role reference with empty workspaces; a program leaves workspaces out, and Check
    /// refuses an empty list (Bird gives it no documented meaning).
    /// </summary>
    public PropertyMap AsWritten(PropertyMap inputs)
    {
        var (field, workspaces) = (AccessKeyFields.Roles.Property!, AccessKeyFields.RoleWorkspaces.Property!);
        return inputs[field] is { Unwrapped.Kind: PropertyKind.List } refs
            ? inputs.With(field, PropertyValue.List(refs.Unwrapped.AsList().Select(r =>
                r.Unwrapped.Kind == PropertyKind.Map && r.AsMap()[workspaces] is { Unwrapped.Kind: PropertyKind.List } w && w.Unwrapped.AsList().IsEmpty
                    ? PropertyValue.Map(r.AsMap().Without(workspaces))
                    : r)))
            : inputs;
    }

    /// <summary>Any change replaces the key; the diff also shows the token changing so a preview flags the rotation.</summary>
    public DiffResult Diff(ResourceSnapshot old, PropertyMap newInputs)
    {
        var changes = PropertyDiffer.Compare(Check(old.Inputs).Inputs, Check(newInputs).Inputs, _ => true, AccessKeyFields.Table.Secrets);
        if (changes.IsEmpty)
        {
            return DiffResult.Same;
        }

        var oldToken = old.Outputs[AccessKeyFields.Token.Name] is { } token ? PropertyValue.Secret(token) : null;
        changes = changes.Add(new PropertyDiff(AccessKeyFields.Token.Name, oldToken, PropertyValue.Secret(PropertyValue.Unknown), ForcesReplacement: true));
        return new DiffResult(DiffOutcome.Replace, changes) { Reason = TokenRotation };
    }

    public string NaturalKey(PropertyMap inputs) => $"{Name}:{inputs.GetString(AccessKeyFields.Name.Property!)}";

    public string? DestructiveConsequence(ResourceSnapshot current, PropertyMap? replacement) => replacement is null
        ? "deleting the access key revokes its token: whoever authenticates with it (the contact center) loses access to Bird"
        : "replacing the access key rotates its token: the old token stops working once the run ends, and whoever authenticates with it (the contact center) must be given the new one";

    public async Task<ResourceSnapshot> CreateAsync(ProviderContext context, PropertyMap inputs, CancellationToken cancellationToken)
    {
        var spec = AccessKeySpec.FromInputs(Check(inputs).Inputs);
        var body = new
        {
            name = spec.Name,
            description = spec.Description,
            // An organization-wide reference leaves workspaces out: Bird documents no meaning for an empty list.
            roleRefs = spec.RoleRefs.Select(r => new { id = r.Id, type = r.Type, workspaces = r.Workspaces.IsDefaultOrEmpty ? null : (IReadOnlyList<string>?)r.Workspaces }),
        };
        var created = await context.Client.PostAsync<AccessKeyCreatedWire>(AccessKeys.Path(context), body, cancellationToken).ConfigureAwait(false);
        var snapshot = Snapshot(created.AccessKey);
        if (string.IsNullOrEmpty(created.Token))
        {
            throw new ResourceInitFailedException(Name, snapshot, $"AccessKey '{spec.Name}' ({snapshot.Id}): Bird created the key but returned no token; delete it and create it again.");
        }

        return snapshot with { Outputs = snapshot.Outputs.With(AccessKeyFields.Token.Name, PropertyValue.SecretString(created.Token)) };
    }

    public async Task<ResourceSnapshot?> ReadAsync(ProviderContext context, ResourceSnapshot known, CancellationToken cancellationToken)
    {
        var snapshot = await AccessKeys.ReadAsync<AccessKeyWire>(context, known.Id, Snapshot, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return null;
        }

        if (!HasWorkspaces(snapshot))
        {
            // The GET answered roles without workspaces: the workspaces a key's roles are scoped to are only in Bird's list
            // (roleRefs), so read them there. Keeping state's would hide a scope widened in Bird's console, and an import
            // (state knows no role references) has nothing to keep. State's value stays the fallback for a key the list
            // no longer shows (deleted between the two reads).
            var listed = (await ListAsync(context, cancellationToken).ConfigureAwait(false)).FirstOrDefault(k => k.Id == snapshot.Id);
            snapshot = listed ?? snapshot;
        }

        return MergeLive(known, snapshot);
    }

    private static bool HasWorkspaces(ResourceSnapshot snapshot) =>
        (snapshot.Inputs[AccessKeyFields.Roles.Property!]?.AsList() ?? []).All(r => r.AsMap().ContainsKey(AccessKeyFields.RoleWorkspaces.Property!));

    public async Task<IReadOnlyList<ResourceSnapshot>> ListAsync(ProviderContext context, CancellationToken cancellationToken) =>
        await AccessKeys.ListAsync<AccessKeyWire>(context, Snapshot, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Bird never returns the token again: keep it from what state knows. Role references read from expanded
    /// <c>roles</c> carry no workspaces: keep those from state too (see <see cref="WithKnownWorkspaces"/>).
    /// </summary>
    public ResourceSnapshot MergeLive(ResourceSnapshot known, ResourceSnapshot live)
    {
        var merged = WithKnownWorkspaces(known, live);
        return known.Outputs[AccessKeyFields.Token.Name] is { } token
            ? merged with { Outputs = merged.Outputs.With(AccessKeyFields.Token.Name, PropertyValue.Secret(token)) }
            : merged;
    }

    public Task<ResourceSnapshot> UpdateAsync(ProviderContext context, ResourceSnapshot old, PropertyMap newInputs, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"AccessKey '{old.Inputs.GetString(AccessKeyFields.Name.Property!)}' ({old.Id}) cannot be updated in place: Bird has no access key update, so the plan must replace it (token rotation).");

    public Task DeleteAsync(ProviderContext context, ResourceSnapshot old, CancellationToken cancellationToken) =>
        AccessKeys.DeleteAsync(context, old.Id, cancellationToken);

    /// <summary>
    /// The key as inputs. Bird's list answers <c>roleRefs</c>; a GET of one key may answer <c>roles</c> (full role
    /// objects: id and type, no workspaces) instead. Role references read from <c>roles</c> leave <c>workspaces</c>
    /// out, meaning "Bird did not say", for <see cref="MergeLive"/> to fill from state.
    /// </summary>
    internal static ResourceSnapshot Snapshot(AccessKeyWire wire)
    {
        var spec = AccessKeySpec.Create(
            wire.Name,
            wire.Description ?? string.Empty,
            (wire.RoleRefs ?? []).Select(r => AccessKeySpec.RoleRef(r.Id, r.Type, r.Workspaces)));
        var inputs = spec.ToInputs();
        if (wire.RoleRefs is null && wire.Roles is { } roles)
        {
            var fromRoles = AccessKeySpec.Normalise(roles.Select(r => AccessKeySpec.RoleRef(r.Id, r.Type, null)))
                .Select(r => AccessKeySpec.Reference(r.Id, r.Type, workspaces: null));
            inputs = inputs.With(AccessKeyFields.Roles.Property!, PropertyValue.List(fromRoles));
        }

        return ResourceSnapshot.FromBird(wire.Id, inputs, (AccessKeyFields.Suffix.Name, PropertyMaps.Text(wire.Suffix)));
    }

    /// <summary>
    /// Fills the workspaces of role references Bird sent without them (expanded <c>roles</c>) from the references
    /// state holds for the same role id, one per known reference; a role state does not know gets none (not limited),
    /// and the diff shows it as the change it is. So a response shape never plans a key replacement (a token rotation).
    /// </summary>
    private static ResourceSnapshot WithKnownWorkspaces(ResourceSnapshot known, ResourceSnapshot live)
    {
        var (roleRefsInput, id, workspacesInput) = (AccessKeyFields.Roles.Property!, AccessKeyFields.RoleId.Property!, AccessKeyFields.RoleWorkspaces.Property!);
        var liveRefs = live.Inputs[roleRefsInput]?.AsList() ?? [];
        if (liveRefs.All(r => r.AsMap().ContainsKey(workspacesInput)))
        {
            return live;
        }

        var knownRefs = (known.Inputs[roleRefsInput]?.AsList() ?? []).Select(r => r.AsMap()).ToList();
        var filled = liveRefs.SelectMany(r =>
        {
            var map = r.AsMap();
            if (map.ContainsKey(workspacesInput))
            {
                return [r];
            }

            var workspaces = knownRefs
                .Where(k => k.GetString(id) == map.GetString(id))
                .Select(k => k[workspacesInput] is { IsNull: false } w ? w : PropertyMaps.Strings([]))
                .DefaultIfEmpty(PropertyMaps.Strings([]));
            return workspaces.Select(w => PropertyValue.Map(map.With(workspacesInput, w)));
        });
        var roleRefs = PropertyValue.List(filled);
        return live with { Inputs = live.Inputs.With(roleRefsInput, roleRefs), Outputs = live.Outputs.With(roleRefsInput, roleRefs) };
    }

    private static IEnumerable<PropertyValue> SortedRoleRefs(InputChecker check, ImmutableArray<PropertyValue> items)
    {
        var known = new List<AccessKeyRoleRef>();
        var unknown = new List<PropertyValue>();
        var workspacesField = AccessKeyFields.RoleWorkspaces;
        foreach (var (map, path) in check.Objects(items, AccessKeyFields.Roles, AccessKeyFields.RoleRef))
        {
            var id = check.String(map, path, AccessKeyFields.RoleId);
            var type = check.String(map, path, AccessKeyFields.RoleType);
            var workspaces = check.List(map, path, workspacesField);
            if (map[workspacesField.Property!] is { IsNull: false, Unwrapped.Kind: PropertyKind.List } written && written.Unwrapped.AsList().IsEmpty)
            {
                // Organization-wide is written by leaving workspaces out, and normalised to the empty list (what state holds),
                // so an old state's [] diffs as no change. Written, [] has no documented meaning in Bird: refused.
                check.Fail(
                    InputChecker.Join(path, workspacesField.Property!),
                    "workspaces is an empty list, which Bird gives no documented meaning.",
                    "Leave workspaces out for a role that applies in every workspace of the organization, or list them, e.g. workspaces: [\"${workspaceId}\"] in a stack file.",
                    DiagnosticCodes.EmptyList);
            }

            var workspaceValues = workspaces is { } w ? check.StringSet(w, InputChecker.Join(path, workspacesField.Property!), Workspace) : ImmutableArray<PropertyValue>.Empty;
            if (id is null || type is null)
            {
                continue;
            }

            if (id.ContainsUnknown || workspaces is null || workspaceValues.Any(v => v.ContainsUnknown))
            {
                unknown.Add(PropertyValue.Map(PropertyMaps.Of(
                    (AccessKeyFields.RoleId.Property!, id),
                    (AccessKeyFields.RoleType.Property!, type),
                    (workspacesField.Property!, workspaces is null ? map[workspacesField.Property!] : PropertyValue.List(workspaceValues)))));
            }
            else
            {
                known.Add(AccessKeySpec.RoleRef(id.AsString(), type.AsString(), workspaceValues.Select(v => v.AsString())));
            }
        }

        return AccessKeySpec.Normalise(known)
            .Select(r => AccessKeySpec.Reference(r.Id, r.Type, PropertyMaps.Strings(r.Workspaces)))
            .Concat(unknown);
    }

    private static KindSchema BuildSchema() => KindSchema.From(
        "An organization access key bound to roles. Bird cannot update a key: any change replaces it, which rotates the token.",
        "access key",
        AccessKeyFields.Table.Inputs,
        AccessKeyFields.Outputs);

    private static RuleViolation? Workspace(string value) =>
        BirdRules.Uuid(value) is { } violation
            ? violation with
            {
                Message = $"'{Text.Shown(value)}' is not a workspace UUID.",
                Hint = "Write a workspace UUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301 (in a stack file also \"${workspaceId}\", the target's workspace, quoted).",
            }
            : null;
}
