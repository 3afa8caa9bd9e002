namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>What holds for a request pattern over every id its <c>*</c> segments stand for.</summary>
public enum AccessRange
{
    /// <summary>Allowed whatever the ids are.</summary>
    AllowedForEvery,

    /// <summary>Denied whatever the ids are.</summary>
    DeniedForEvery,

    /// <summary>Allowed for some ids and denied for others (a policy names an id).</summary>
    DependsOnId,

    /// <summary>A policy whose definitions are unknown could decide it for some id, or there are too many ids to try.</summary>
    Unknown,
}
