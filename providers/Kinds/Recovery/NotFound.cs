namespace BirdInfra.Providers.Kinds.Recovery;

/// <summary>No object the caller does not own has the natural key: the create surely made nothing, so it may be sent again.</summary>
public sealed record NotFound : RecoveryDecision;
