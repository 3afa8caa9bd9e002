
namespace BirdInfra.Emulator.Auth;

/// <summary>
/// Decides whether an access key may perform a request: key → roles → policies → definitions.
/// An explicit deny wins; nothing allowed means denied. A role reference with workspaces only
/// applies to paths inside those workspaces.
/// </summary>
internal static class PolicyEvaluator
{
    /// <summary>The bootstrap admin key's policy: allow <c>any</c> on <c>/**</c>.</summary>
    public static readonly PolicyDefinition AllowEverything = new("allow", ["any"], ["/**"], null);

    public static bool IsAllowed(EmulatorState state, AccessKeyRecord key, string method, string path) =>
        IsAllowed(Definitions(state, key, path), method, path);

    public static bool IsAllowed(IEnumerable<PolicyDefinition> definitions, string method, string path)
    {
        var action = HttpActions.For(method);
        if (action == "unknown")
        {
            // `any` covers the documented actions only: a method Bird maps to none (TRACE, ...) is never allowed.
            return false;
        }

        var allowed = false;
        foreach (var d in definitions)
        {
            if (!d.Actions.Any(a => a == "any" || a == action) || !d.Resources.Any(r => ResourcePattern.Matches(r, path)))
            {
                continue;
            }

            if (d.Effect == "deny")
            {
                return false;
            }

            allowed |= d.Effect == "allow";
        }

        return allowed;
    }

    public static string? WorkspaceOf(string path)
    {
        var s = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return s switch
        {
            ["workspaces", var ws, ..] => ws,
            ["organizations", _, "workspaces", var ws, ..] => ws,
            _ => null,
        };
    }

    private static IEnumerable<PolicyDefinition> Definitions(EmulatorState state, AccessKeyRecord key, string path)
    {
        var workspace = WorkspaceOf(path);
        foreach (var roleRef in key.RoleRefs)
        {
            if (roleRef.Workspaces.Count > 0 && (workspace is null || !roleRef.Workspaces.Contains(workspace)))
            {
                continue;
            }

            if (!state.Roles.TryGetValue(roleRef.Id, out var role))
            {
                continue;
            }

            foreach (var policyRef in role.Policies)
            {
                if (state.Policies.TryGetValue(policyRef.Id, out var policy))
                {
                    foreach (var d in policy.Definitions)
                    {
                        yield return d;
                    }
                }
            }
        }
    }
}
