
namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// A key as Bird (or state) holds it, for the evaluator: its role references with their workspaces, each role's
/// policies and their definitions. The target's own ids become <c>${organizationId}</c>/<c>${workspaceId}</c>, as in
/// a stack file; a role or policy that is not at hand (Bird-managed, or not listed) is unknown, never guessed.
/// </summary>
public static class LiveAccess
{
    /// <param name="roles">Roles by Bird id: the name to report and the role's inputs.</param>
    /// <param name="policies">Policies by Bird id: the name to report and the policy's inputs.</param>
    public static AccessSubject Subject(
        string key,
        PropertyMap keyInputs,
        IReadOnlyDictionary<string, (string Name, PropertyMap Inputs)> roles,
        IReadOnlyDictionary<string, (string Name, PropertyMap Inputs)> policies,
        string organizationId,
        string workspaceId)
    {
        ArgumentNullException.ThrowIfNull(keyInputs);
        string Token(string segment) => segment == organizationId ? "${organizationId}" : segment == workspaceId ? "${workspaceId}" : segment;
        string Path(string path) => (path.StartsWith('/') ? "/" : string.Empty) + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Token));

        var grants = ImmutableArray.CreateBuilder<AccessRoleGrant>();
        foreach (var roleRef in Maps(keyInputs["roleRefs"]))
        {
            var roleId = roleRef.GetString("id") ?? string.Empty;
            ImmutableArray<string> workspaces = [.. Texts(roleRef["workspaces"]).Select(Token).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            if (!roles.TryGetValue(roleId, out var role))
            {
                grants.Add(new AccessRoleGrant(roleId, workspaces, [new AccessPolicyGrant(roleId, null)]));
                continue;
            }

            var held = Maps(role.Inputs["policies"]).Select(p => p.GetString("id") ?? string.Empty).Select(id => policies.TryGetValue(id, out var policy)
                ? new AccessPolicyGrant(policy.Name, [.. Maps(policy.Inputs["definitions"]).Select((d, i) => new AccessRule(
                    d.GetString("effect") ?? string.Empty,
                    [.. Texts(d["actions"])],
                    [.. Texts(d["resources"]).Select(Path)],
                    new AccessSource(role.Name, policy.Name, i, null)))])
                : new AccessPolicyGrant(id, null));
            grants.Add(new AccessRoleGrant(role.Name, workspaces, [.. held]));
        }

        return new AccessSubject(key, grants.ToImmutable());
    }

    /// <summary>A policy's rows as effect, actions and resources, e.g. <c>allow create /workspaces/*/verify</c>.</summary>
    public static string Rows(PropertyMap policyInputs)
    {
        ArgumentNullException.ThrowIfNull(policyInputs);
        return string.Join(", ", Maps(policyInputs["definitions"]).Select(d => $"{d.GetString("effect")} {string.Join(',', Texts(d["actions"]))} {string.Join(',', Texts(d["resources"]))}"));
    }

    private static IEnumerable<PropertyMap> Maps(PropertyValue? list) => (list?.AsList() ?? []).Select(v => v.AsMap());

    private static IEnumerable<string> Texts(PropertyValue? list) => (list?.AsList() ?? []).Select(v => v.AsString());
}
