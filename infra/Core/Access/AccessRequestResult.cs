
namespace BirdInfra.Access;

/// <summary>`access --request "METHOD PATH"`: one key's answer to one request.</summary>
public sealed record AccessRequestResult(string Key, string Method, string Path, AccessOutcome Outcome)
{
    /// <summary>The decision shown: the allowing one when allowed for every id, else the denying one (or unknown).</summary>
    public AccessDecision Decision => Outcome.AllowedForEvery ? Outcome.Allowing! : Outcome.Denying ?? Outcome.Allowing ?? new AccessDecision(AccessVerdict.Unknown, null, null);
}
