using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Drift;

/// <summary>
/// What an access key can do, in words for an auditor: its roles with their workspace scope, each role's policies and
/// their rows as Bird holds them. Structural only; the one place the access evaluator's verdict will be plugged in.
/// </summary>
public static class AccessKeyDescription
{
    /// <param name="roles">The organization's custom roles as listed (Bird's managed roles are not listed).</param>
    /// <param name="policies">The organization's custom policies as listed.</param>
    public static string Describe(ResourceSnapshot key, IReadOnlyList<ResourceSnapshot> roles, IReadOnlyList<ResourceSnapshot> policies)
    {
        var roleRefs = key.Inputs["roleRefs"]?.AsList() ?? [];
        if (roleRefs.Length == 0)
        {
            return "no roles";
        }

        var parts = roleRefs.Select(r => r.AsMap()).Select(reference =>
        {
            var id = reference.GetString("id") ?? "?";
            var workspaces = reference["workspaces"]?.AsList().Select(w => w.AsString()).ToList() ?? [];
            var scope = workspaces.Count == 0 ? "organization-wide" : "workspaces " + string.Join(", ", workspaces);
            var role = roles.FirstOrDefault(r => r.Id == id);
            if (role is null)
            {
                return $"role {id} ({reference.GetString("type") ?? "organization"}, {scope})";
            }

            var held = (role.Inputs["policies"]?.AsList() ?? []).Select(p => p.AsMap().GetString("id") ?? "?")
                .Select(policyId => policies.FirstOrDefault(p => p.Id == policyId) is { } policy
                    ? $"{policy.Inputs.GetString("name")} [{Rows(policy)}]"
                    : $"policy {policyId} (managed)");
            return $"role {role.Inputs.GetString("name")} ({scope}) with {string.Join("; ", held)}";
        });
        return string.Join("; ", parts);
    }

    /// <summary>A policy's rows as effect, actions and resources, e.g. <c>allow create /workspaces/*/verify</c>.</summary>
    public static string Rows(ResourceSnapshot policy) => string.Join(", ", (policy.Inputs["definitions"]?.AsList() ?? []).Select(d => d.AsMap()).Select(d =>
        $"{d.GetString("effect")} {Words(d["actions"])} {Words(d["resources"])}"));

    private static string Words(PropertyValue? list) => string.Join(",", (list?.AsList() ?? []).Select(v => v.AsString()));
}
