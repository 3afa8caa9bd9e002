namespace BirdInfra.Providers.AccessKey;

internal sealed record RoleRefWire(string Id, string? Type, IReadOnlyList<string>? Workspaces);
