
namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// A key as Bird (or state) holds it, for the evaluator: its role references with their workspaces, each role's
/// policies and their definitions, read through the kinds' <see cref="AccessModel"/>. The target's own ids become
/// <c>${organizationId}</c>/<c>${workspaceId}</c>, as in a stack file; a role or policy that is not at hand
/// (Bird-managed, or not listed) is unknown, never guessed.
/// </summary>
public static class LiveAccess
{
    /// <param name="roles">Roles by Bird id: the name to report and the role's inputs.</param>
    /// <param name="policies">Policies by Bird id: the name to report and the policy's inputs.</param>
    public static AccessSubject Subject(
        AccessModel model,
        string key,
        PropertyMap keyInputs,
        IReadOnlyDictionary<string, (string Name, PropertyMap Inputs)> roles,
        IReadOnlyDictionary<string, (string Name, PropertyMap Inputs)> policies,
        string organizationId,
        string workspaceId)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(keyInputs);
        string Token(string segment) => segment == organizationId ? "${organizationId}" : segment == workspaceId ? "${workspaceId}" : segment;
        string Path(string path) => (path.StartsWith('/') ? "/" : string.Empty) + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Token));

        var (links, held) = (model.Key.Part, model.Role.Part);
        var rows = model.Policy.Part;
        var grants = ImmutableArray.CreateBuilder<AccessRoleGrant>();
        foreach (var roleRef in Maps(keyInputs[links.List]))
        {
            var roleId = roleRef.GetString(links.Id!) ?? string.Empty;
            ImmutableArray<string> workspaces = [.. Texts(roleRef[links.Workspaces!]).Select(Token).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            if (!roles.TryGetValue(roleId, out var role))
            {
                grants.Add(new AccessRoleGrant(roleId, workspaces, [new AccessPolicyGrant(roleId, null)]));
                continue;
            }

            var policyGrants = Maps(role.Inputs[held.List]).Select(p => p.GetString(held.Id!) ?? string.Empty).Select(id => policies.TryGetValue(id, out var policy)
                ? new AccessPolicyGrant(policy.Name, [.. Maps(policy.Inputs[rows.List]).Select((d, i) => new AccessRule(
                    d.GetString(rows.Effect!) ?? string.Empty,
                    [.. Texts(d[rows.Actions!])],
                    [.. Texts(d[rows.Resources!]).Select(Path)],
                    new AccessSource(role.Name, policy.Name, i, null)))])
                : new AccessPolicyGrant(id, null));
            grants.Add(new AccessRoleGrant(role.Name, workspaces, [.. policyGrants]));
        }

        return new AccessSubject(key, grants.ToImmutable());
    }

    /// <summary>A policy's rows as effect, actions and resources, e.g. <c>allow create /workspaces/*/verify</c>.</summary>
    public static string Rows(AccessPart rows, PropertyMap policyInputs)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(policyInputs);
        return string.Join(", ", Maps(policyInputs[rows.List]).Select(d => $"{d.GetString(rows.Effect!)} {string.Join(',', Texts(d[rows.Actions!]))} {string.Join(',', Texts(d[rows.Resources!]))}"));
    }

    private static IEnumerable<PropertyMap> Maps(PropertyValue? list) => (list?.AsList() ?? []).Select(v => v.AsMap());

    private static IEnumerable<string> Texts(PropertyValue? list) => (list?.AsList() ?? []).Select(v => v.AsString());
}
