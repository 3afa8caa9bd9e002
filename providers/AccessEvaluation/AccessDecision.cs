namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// The answer for one concrete request: the verdict, the rule that decided it (a deny, else the first allow; null when
/// nothing matched and the request is denied by default) and the resource pattern of that rule that matched.
/// </summary>
public sealed record AccessDecision(AccessVerdict Verdict, AccessRule? DecidedBy, string? Resource)
{
    public bool IsAllowed => Verdict == AccessVerdict.Allowed;
}
