
namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// A policy a role holds. <see cref="Rules"/> is null when its definitions are unknown (a Bird-managed policy, or one
/// attached in the console, whose definitions Bird did not return): it is reported as unknown, never guessed.
/// </summary>
public sealed record AccessPolicyGrant(string Policy, ImmutableArray<AccessRule>? Rules)
{
    public bool IsKnown => Rules is not null;
}
