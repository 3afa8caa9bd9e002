namespace BirdInfra.Providers.AccessRole;

/// <summary>An IAM role as Bird sends it; <c>policies</c> are full policy objects, of which only id and type matter here.</summary>
internal sealed record RoleWire(string Id, string Name, string? Description, string? Type, IReadOnlyList<RolePolicyWire>? Policies);
