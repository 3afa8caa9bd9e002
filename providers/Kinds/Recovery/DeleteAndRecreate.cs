namespace BirdInfra.Providers.Kinds.Recovery;

/// <summary>
/// Exactly one unowned object has the natural key, but its kind has a secret only the create answer carried (an
/// access key's token): nobody has that secret, so the object is deleted and made again rather than adopted.
/// </summary>
/// <param name="Snapshot">The listed object, to delete.</param>
public sealed record DeleteAndRecreate(ResourceSnapshot Snapshot) : RecoveryDecision;
