
namespace BirdInfra.Access;

/// <summary>
/// Builds each declared access key's <see cref="AccessSubject"/> from the stack as read: key → roles (with the key's
/// workspaces) → policies → definitions, each rule located at its definition in the file, through the kinds'
/// <see cref="AccessModel"/> (no field named here). Offline: every policy a stack's role holds is declared in the stack
/// (roles name policies by logical name). <c>${organizationId}</c> and <c>${workspaceId}</c> stay as written, the same
/// segment in policies and in expectations.
/// </summary>
public static class StackAccess
{
    /// <param name="model">The registry's IAM chain; null (a registry without IAM kinds): no keys.</param>
    /// <param name="displayFile">How locations name the stack file (e.g. <c>stacks/dev.yaml</c>).</param>
    public static ImmutableArray<KeyAccess> Keys(AccessModel? model, StackDefinition stack, string displayFile)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (model is null)
        {
            return [];
        }

        var policies = In(stack, model.Policy).ToDictionary(e => e.LogicalName, StringComparer.Ordinal);
        var roles = In(stack, model.Role).ToDictionary(e => e.LogicalName, StringComparer.Ordinal);
        return [.. In(stack, model.Key).Select(key => new KeyAccess(key, Subject(model, key, roles, policies, displayFile)))];
    }

    private static IEnumerable<StackEntry> In(StackDefinition stack, AccessKind kind) => kind.Section is { } section ? stack.In(section) : [];

    private static AccessSubject Subject(AccessModel model, StackEntry key, IReadOnlyDictionary<string, StackEntry> roles, IReadOnlyDictionary<string, StackEntry> policies, string displayFile)
    {
        var (links, held) = (model.Key.Part, model.Role.Part);
        var grants = ImmutableArray.CreateBuilder<AccessRoleGrant>();
        foreach (var roleRef in Items(key.Inputs.GetValueOrDefault(links.List)))
        {
            if (Reference(roleRef, links.Id!) is not { } roleName || !roles.TryGetValue(roleName, out var role))
            {
                continue;
            }

            var workspaces = Items(Field(roleRef, links.Workspaces!)).Select(Text).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var policyGrants = Items(role.Inputs.GetValueOrDefault(held.List))
                .Select(p => Reference(p, held.Id!))
                .OfType<string>()
                .Where(policies.ContainsKey)
                .Select(name => new AccessPolicyGrant(name, Rules(model.Policy.Part, roleName, policies[name], displayFile)));
            grants.Add(new AccessRoleGrant(roleName, [.. workspaces], [.. policyGrants]));
        }

        return new AccessSubject(key.LogicalName, grants.ToImmutable());
    }

    private static ImmutableArray<AccessRule> Rules(AccessPart rows, string role, StackEntry policy, string displayFile)
    {
        var rules = ImmutableArray.CreateBuilder<AccessRule>();
        var definitions = Items(policy.Inputs.GetValueOrDefault(rows.List));
        for (var i = 0; i < definitions.Length; i++)
        {
            var node = policy.NodeFor($"{rows.List}[{i}]");
            var location = node is null ? null : new SourceLocation(displayFile, node.Line, node.Column);
            rules.Add(new AccessRule(
                Text(Field(definitions[i], rows.Effect!)) ?? string.Empty,
                [.. Items(Field(definitions[i], rows.Actions!)).Select(Text).OfType<string>()],
                [.. Items(Field(definitions[i], rows.Resources!)).Select(Text).OfType<string>()],
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
