namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// Bird's IAM chain as a registry's kinds declare it (<see cref="IResourceKind.Access"/>): the kinds that are keys,
/// roles and policies, and the properties that link them. The evaluator's readers (<see cref="LiveAccess"/>, the
/// stack's) name no field of their own.
/// </summary>
public sealed record AccessModel(AccessKind Key, AccessKind Role, AccessKind Policy)
{
    /// <summary>The chain of <paramref name="kinds"/>; null when it lacks a key, role or policy kind.</summary>
    /// <exception cref="InvalidOperationException">Two kinds claim one tier, or a kind's <see cref="AccessPart"/> lacks a property its tier needs: a kind's mistake, found when the registry is first used.</exception>
    public static AccessModel? Of(KindRegistry kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return At(kinds, AccessTier.Key, p => p.Id is not null && p.Workspaces is not null && p.Token is not null) is { } key
            && At(kinds, AccessTier.Role, p => p.Id is not null) is { } role
            && At(kinds, AccessTier.Policy, p => p.Effect is not null && p.Actions is not null && p.Resources is not null) is { } policy
            ? new AccessModel(key, role, policy)
            : null;
    }

    private static AccessKind? At(KindRegistry kinds, AccessTier tier, Func<AccessPart, bool> complete)
    {
        var claimed = kinds.All.Where(k => k.Access?.Tier == tier).ToList();
        if (claimed.Count > 1)
        {
            throw new InvalidOperationException($"Kinds {string.Join(" and ", claimed.Select(k => k.Name))} each declare the IAM {tier} tier; a registry has one.");
        }

        if (claimed.Count == 0)
        {
            return null;
        }

        var kind = claimed[0];
        return complete(kind.Access!)
            ? new AccessKind(kind.Name, kind.Stack?.Name, kind.Access!)
            : throw new InvalidOperationException($"{kind.Name}'s AccessPart lacks a property the IAM {tier} tier needs.");
    }
}
