namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>What a key may do with one operation of Bird's API: the request pattern evaluated and the answer for every id.</summary>
public sealed record AccessOperationResult(BirdOperation Operation, string Path, AccessOutcome Outcome);
