namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// Bird's IAM chain as a registry's kinds declare it (<see cref="IResourceKind.Access"/>): the kinds that are keys,
/// roles and policies, and the properties that link them. The evaluator's readers (<see cref="LiveAccess"/>, the
/// stack's) name no field of their own.
/// </summary>
public sealed record AccessModel(AccessKind Key, AccessKind Role, AccessKind Policy)
{
    /// <summary>The chain of <paramref name="kinds"/>; null when it lacks a key, role or policy kind.</summary>
    public static AccessModel? Of(KindRegistry kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        AccessKind? At(AccessTier tier) => kinds.All.Where(k => k.Access?.Tier == tier).Select(k => new AccessKind(k.Name, k.Stack?.Name, k.Access!)).FirstOrDefault();
        return At(AccessTier.Key) is { } key && At(AccessTier.Role) is { } role && At(AccessTier.Policy) is { } policy ? new AccessModel(key, role, policy) : null;
    }
}
