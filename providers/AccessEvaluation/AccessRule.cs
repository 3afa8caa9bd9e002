
namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>One policy definition: an effect, its actions and its resource patterns, and where it comes from.</summary>
public sealed record AccessRule(string Effect, ImmutableArray<string> Actions, ImmutableArray<string> Resources, AccessSource Source)
{
    public const string Allow = "allow";
    public const string Deny = "deny";

    public bool IsDeny => Effect == Deny;

    public bool IsAllow => Effect == Allow;

    /// <summary>The resource pattern of this rule that matches the request, or null.</summary>
    public string? Match(string action, ImmutableArray<string> path)
    {
        if (!AccessActions.Covers(Actions, action))
        {
            return null;
        }

        foreach (var resource in Resources)
        {
            if (AccessPath.Matches(AccessPath.Segments(resource), path))
            {
                return resource;
            }
        }

        return null;
    }
}
