
namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>An access key as the evaluator sees it: its roles, each with its scope and policies.</summary>
public sealed record AccessSubject(string Key, ImmutableArray<AccessRoleGrant> Roles)
{
    /// <summary>Every rule of every known policy, with its role's grant.</summary>
    public IEnumerable<(AccessRoleGrant Role, AccessRule Rule)> Rules =>
        Roles.SelectMany(role => role.Policies.Where(p => p.IsKnown).SelectMany(p => p.Rules!.Value.Select(rule => (role, rule))));

    /// <summary>The workspace the key's roles are all scoped to, or null (organization-wide, or several).</summary>
    public string? SingleWorkspace
    {
        get
        {
            var scopes = Roles.Select(r => r.IsScoped ? string.Join(',', r.Workspaces) : string.Empty).Distinct().ToList();
            return scopes is [{ Length: > 0 } only] && !only.Contains(',', StringComparison.Ordinal) ? only : null;
        }
    }
}
