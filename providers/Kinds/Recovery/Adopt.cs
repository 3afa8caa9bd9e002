namespace BirdInfra.Providers.Kinds.Recovery;

/// <summary>Exactly one unowned object has the natural key: it is the create's object; take it over as it is.</summary>
/// <param name="Snapshot">The listed object, combined with the create's inputs when the caller gave them (secrets Bird does not echo).</param>
public sealed record Adopt(ResourceSnapshot Snapshot) : RecoveryDecision;
