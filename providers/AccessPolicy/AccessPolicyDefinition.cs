
namespace BirdInfra.Providers.AccessPolicy;

/// <summary>One rule of a policy: allow or deny some actions on some API paths (both sorted, de-duplicated).</summary>
public sealed record AccessPolicyDefinition(string Effect, ImmutableArray<string> Actions, ImmutableArray<string> Resources)
{
    public bool Equals(AccessPolicyDefinition? other) =>
        other is not null && Effect == other.Effect && Actions.SequenceEqual(other.Actions) && Resources.SequenceEqual(other.Resources);

    public override int GetHashCode() => HashCode.Combine(Effect, Actions.Length, Resources.Length);
}
