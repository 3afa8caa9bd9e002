using BirdInfra.Providers.AccessEvaluation;

namespace BirdInfra.Providers.AccessKey;

/// <summary>
/// What an access key can do, in words for an auditor: its roles with their workspace scope, each role's policies and
/// their rows as Bird holds them, then what the access evaluator says it may do over the catalogue of Bird's API.
/// </summary>
public static class AccessKeyDescription
{
    /// <param name="roles">The organization's custom roles as listed (Bird's managed roles are not listed).</param>
    /// <param name="policies">The organization's custom policies as listed.</param>
    /// <param name="target">The target's ids: a policy row naming them is read as the stack would write it.</param>
    public static string Describe(
        AccessModel model,
        ResourceSnapshot key,
        IReadOnlyList<ResourceSnapshot> roles,
        IReadOnlyList<ResourceSnapshot> policies,
        (string OrganizationId, string WorkspaceId) target)
    {
        var roleRefs = key.Inputs[AccessKeyFields.Roles.Property!]?.AsList() ?? [];
        if (roleRefs.Length == 0)
        {
            return "no roles; may do nothing";
        }

        return Structure(model, roleRefs, roles, policies) + "; " + Abilities(model, key, roles, policies, target);
    }

    /// <summary>What the evaluator allows the key for every id, over the catalogue: "may send messages through a channel, …".</summary>
    public static string Abilities(
        AccessModel model,
        ResourceSnapshot key,
        IReadOnlyList<ResourceSnapshot> roles,
        IReadOnlyList<ResourceSnapshot> policies,
        (string OrganizationId, string WorkspaceId) target)
    {
        IReadOnlyDictionary<string, (string Name, PropertyMap Inputs)> ById(IReadOnlyList<ResourceSnapshot> listed) =>
            listed.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (g.First().Inputs.GetString(KindField.NameKey) ?? g.Key, g.First().Inputs), StringComparer.Ordinal);
        var subject = LiveAccess.Subject(model, key.Id, key.Inputs, ById(roles), ById(policies), target.OrganizationId, target.WorkspaceId);
        var operations = AccessEvaluator.OverCatalogue(subject);
        string Words(AccessRange range) => string.Join(", ", operations.Where(o => o.Outcome.Range == range).Select(o => o.Operation.Words));
        var allowed = operations.Count(o => o.Outcome.Range == AccessRange.AllowedForEvery);
        var text = allowed == operations.Length
            ? $"may do every operation BirdInfra's catalogue of Bird's API lists ({allowed})"
            : allowed == 0 ? "may do nothing BirdInfra's catalogue of Bird's API lists" : "may " + Words(AccessRange.AllowedForEvery);
        if (operations.Any(o => o.Outcome.Range == AccessRange.DependsOnId))
        {
            text += "; for some ids only: " + Words(AccessRange.DependsOnId);
        }

        if (operations.Any(o => o.Outcome.Range == AccessRange.Unknown))
        {
            text += "; unknown (a policy BirdInfra cannot read decides): " + Words(AccessRange.Unknown);
        }

        return text;
    }

    private static string Structure(AccessModel model, ImmutableArray<PropertyValue> roleRefs, IReadOnlyList<ResourceSnapshot> roles, IReadOnlyList<ResourceSnapshot> policies)
    {
        var parts = roleRefs.Select(r => r.AsMap()).Select(reference =>
        {
            var id = reference.GetString(AccessKeyFields.RoleId.Property!) ?? "?";
            var workspaces = reference[AccessKeyFields.RoleWorkspaces.Property!]?.AsList().Select(w => w.AsString()).ToList() ?? [];
            var scope = workspaces.Count == 0 ? "organization-wide" : "workspaces " + string.Join(", ", workspaces);
            var role = roles.FirstOrDefault(r => r.Id == id);
            if (role is null)
            {
                return $"role {id} ({reference.GetString(AccessKeyFields.RoleType.Property!) ?? AccessKeySpec.DefaultRoleType}, {scope})";
            }

            var links = model.Role.Part;
            var held = (role.Inputs[links.List]?.AsList() ?? []).Select(p => p.AsMap().GetString(links.Id!) ?? "?")
                .Select(policyId => policies.FirstOrDefault(p => p.Id == policyId) is { } policy
                    ? $"{policy.Inputs.GetString(KindField.NameKey)} [{LiveAccess.Rows(model.Policy.Part, policy.Inputs)}]"
                    : $"policy {policyId} (managed)");
            return $"role {role.Inputs.GetString(KindField.NameKey)} ({scope}) with {string.Join("; ", held)}";
        });
        return string.Join("; ", parts);
    }
}
