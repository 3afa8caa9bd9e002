
namespace BirdInfra.Access;

/// <summary>A key's effective access: its permission rows and, over Bird's API surface, what it may and may not do.</summary>
public sealed record KeyAccessReport(KeyAccess Key, ImmutableArray<AccessPermission> Permissions, ImmutableArray<AccessOperationResult> Operations)
{
    public static KeyAccessReport Of(KeyAccess key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var permissions = key.Subject.Roles
            .SelectMany(role => role.Policies.Where(p => p.IsKnown).SelectMany(p => p.Rules!.Value)
                .SelectMany(rule => rule.Actions.SelectMany(action => rule.Resources.Select(resource =>
                    new AccessPermission(rule.Effect, action, resource, rule.Source, role.IsScoped ? role.Workspaces : [])))))
            .ToImmutableArray();
        return new KeyAccessReport(key, permissions, AccessEvaluator.OverCatalogue(key.Subject));
    }
}
