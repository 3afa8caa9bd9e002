namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>What the evaluator can say about a request.</summary>
public enum AccessVerdict
{
    /// <summary>An allow matches and no deny does.</summary>
    Allowed,

    /// <summary>A deny matches, or nothing allows it (denied by default).</summary>
    Denied,

    /// <summary>No known deny matches, and a policy whose definitions are unknown could decide it.</summary>
    Unknown,
}
