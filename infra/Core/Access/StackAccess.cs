
namespace BirdInfra.Access;

/// <summary>
/// Builds each declared access key's <see cref="AccessSubject"/> from the stack as read: key → roles (with the key's
/// workspaces) → policies → definitions, each rule located at its definition in the file. Offline: every policy a
/// stack's role holds is declared in the stack (roles name policies by logical name). <c>${organizationId}</c> and
/// <c>${workspaceId}</c> stay as written, the same segment in policies and in expectations.
/// </summary>
public static class StackAccess
{
    /// <param name="displayFile">How locations name the stack file (e.g. <c>stacks/dev.yaml</c>).</param>
    public static ImmutableArray<KeyAccess> Keys(StackDefinition stack, string displayFile)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var policies = stack.In("accessPolicies").ToDictionary(e => e.LogicalName, StringComparer.Ordinal);
        var roles = stack.In("accessRoles").ToDictionary(e => e.LogicalName, StringComparer.Ordinal);
        return [.. stack.In("accessKeys").Select(key => new KeyAccess(key, Subject(key, roles, policies, displayFile)))];
    }

    public static AccessSubject Subject(StackEntry key, IReadOnlyDictionary<string, StackEntry> roles, IReadOnlyDictionary<string, StackEntry> policies, string displayFile)
    {
        ArgumentNullException.ThrowIfNull(key);
        var grants = ImmutableArray.CreateBuilder<AccessRoleGrant>();
        foreach (var roleRef in Items(key.Inputs.GetValueOrDefault("roleRefs")))
        {
            if (Reference(roleRef, "id") is not { } roleName || !roles.TryGetValue(roleName, out var role))
            {
                continue;
            }

            var workspaces = Items(Field(roleRef, "workspaces")).Select(Text).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var held = Items(role.Inputs.GetValueOrDefault("policies"))
                .Select(p => Reference(p, "id"))
                .OfType<string>()
                .Where(policies.ContainsKey)
                .Select(name => new AccessPolicyGrant(name, Rules(roleName, policies[name], displayFile)));
            grants.Add(new AccessRoleGrant(roleName, [.. workspaces], [.. held]));
        }

        return new AccessSubject(key.LogicalName, grants.ToImmutable());
    }

    private static ImmutableArray<AccessRule> Rules(string role, StackEntry policy, string displayFile)
    {
        var rules = ImmutableArray.CreateBuilder<AccessRule>();
        var definitions = Items(policy.Inputs.GetValueOrDefault("definitions"));
        for (var i = 0; i < definitions.Length; i++)
        {
            var node = policy.NodeFor($"definitions[{i}]");
            var location = node is null ? null : new SourceLocation(displayFile, node.Line, node.Column);
            rules.Add(new AccessRule(
                Text(Field(definitions[i], "effect")) ?? string.Empty,
                [.. Items(Field(definitions[i], "actions")).Select(Text).OfType<string>()],
                [.. Items(Field(definitions[i], "resources")).Select(Text).OfType<string>()],
                new AccessSource(role, policy.LogicalName, i, location)));
        }

        return rules.ToImmutable();
    }

    private static ImmutableArray<InputExpression> Items(InputExpression? list) => list is ListInput l ? l.Items : [];

    private static InputExpression? Field(InputExpression map, string name) => map is MapInput m ? m.Properties.GetValueOrDefault(name) : null;

    private static string? Reference(InputExpression map, string name) => Field(map, name) is OutputReference r ? r.Target.Name : null;

    private static string? Text(InputExpression? value) => value switch
    {
        LiteralInput l => l.Value.AsString(),
        InterpolatedInput i => i.Template,
        _ => null,
    };
}
