namespace BirdInfra.Access;

/// <summary>One probe: the request sent with the key's token, what the evaluator expects, and what Bird answered (only 403 counts as denied).</summary>
public sealed record AccessProbeResult(string Key, string Method, string Path, bool ExpectedAllowed, int Status)
{
    public bool Denied => Status == 403;

    public bool Agrees => ExpectedAllowed != Denied;

    /// <summary>A probe that changed something: a mutating request answered 2xx (must never happen).</summary>
    public bool Mutated => Method is not ("GET" or "HEAD" or "OPTIONS") && Status is >= 200 and < 300;
}
