namespace BirdInfra.Providers.AccessRole;

internal sealed record RolePolicyWire(string Id, string? Type);
