using BirdInfra.Providers.AccessEvaluation;

namespace BirdInfra.Providers.AccessKey;

/// <summary>
/// What drift makes of an access key: a change to its role references is critical when it gives the key more access; a
/// key beside the stack is critical, except the deploy key, which the target needs.
/// </summary>
public sealed class AccessKeyDrift : IBesideStack
{
    /// <summary>The <c>roleRefs</c> field's drift: critical only when Bird's role references widen the key's access.</summary>
    public static FieldDrift RoleRefs { get; } = FieldDrift.GrantsAccessWhen(WidensKeyAccess);

    public BesideDescription Describe(ResourceSnapshot live, BesideContext context)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(context);
        var deployKey = live.Outputs.GetString(AccessKeyFields.Suffix.Name) is { Length: > 0 } suffix && context.IsDeployKeySuffix(suffix);
        var detail = AccessModel.Of(context.Kinds) is { } model
            ? AccessKeyDescription.Describe(model, live, context.Listed(model.Role.Name), context.Listed(model.Policy.Name), (context.OrganizationId, context.WorkspaceId))
            : string.Empty;
        return new BesideDescription(BesideDescription.NameOf(live), detail, deployKey ? DriftSeverity.Info : DriftSeverity.Critical, deployKey);
    }

    /// <summary>
    /// True when Bird's role references give the key more than expected: a role it did not have, or a role's workspace
    /// scope widened (organization-wide where it was limited, or a workspace added).
    /// </summary>
    public static bool WidensKeyAccess(PropertyValue? expected, PropertyValue? actual)
    {
        var before = RoleScopes(expected);
        foreach (var (id, workspaces) in RoleScopes(actual))
        {
            var same = before.Where(b => b.Id == id).ToList();
            if (same.Count == 0)
            {
                return true;
            }

            // An empty list is "not limited": wider than any list of workspaces.
            var widened = same.All(b => b.Workspaces.Count > 0 && (workspaces.Count == 0 || !workspaces.IsSubsetOf(b.Workspaces)));
            if (widened)
            {
                return true;
            }
        }

        return false;
    }

    private static List<(string Id, ImmutableHashSet<string> Workspaces)> RoleScopes(PropertyValue? value) =>
        (value is { Kind: PropertyKind.List } list ? list.AsList() : [])
            .Where(r => r.Kind == PropertyKind.Map)
            .Select(r => r.AsMap())
            .Select(r => (
                r[AccessKeyFields.RoleId.Property!] is { Kind: PropertyKind.String } id ? id.AsString() : string.Empty,
                (r[AccessKeyFields.RoleWorkspaces.Property!] is { Kind: PropertyKind.List } w ? w.AsList() : [])
                    .Where(v => v.Kind == PropertyKind.String).Select(v => v.AsString()).ToImmutableHashSet(StringComparer.Ordinal)))
            .ToList();
}
