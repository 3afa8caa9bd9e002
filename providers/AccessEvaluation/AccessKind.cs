namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>One kind of Bird's IAM chain: its name (state addresses), its stack section, and how its inputs carry access.</summary>
public sealed record AccessKind(string Name, string? Section, AccessPart Part);
