namespace BirdInfra.Emulator.Iam;

/// <summary>A role's reference to a policy, as sent in role requests.</summary>
public sealed record PolicyReference(string Id, string Type);
