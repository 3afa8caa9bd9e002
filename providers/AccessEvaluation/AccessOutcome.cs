namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// The answer for a request pattern over every id: the range, and a witness for each side, a concrete path (with the
/// pattern's <c>*</c> where any id not named by a policy gives the same answer) and its decision.
/// </summary>
public sealed record AccessOutcome(AccessRange Range, string? AllowedPath, AccessDecision? Allowing, string? DeniedPath, AccessDecision? Denying)
{
    public bool AllowedForEvery => Range == AccessRange.AllowedForEvery;

    public bool DeniedForEvery => Range == AccessRange.DeniedForEvery;
}
