namespace BirdInfra.Providers.AccessPolicy;

/// <summary>An IAM policy as Bird sends it (fields BirdInfra does not use are ignored).</summary>
internal sealed record PolicyWire(string Id, string Name, string? Description, IReadOnlyList<PolicyDefinitionWire>? Definitions, string? Type, string? Scope);
