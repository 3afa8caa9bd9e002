namespace BirdInfra.Providers.AccessKey;

/// <summary>An access key as Bird sends it (never with the token).</summary>
internal sealed record AccessKeyWire(string Id, string Name, string? Description, string? Type, string? Suffix, IReadOnlyList<RoleRefWire>? RoleRefs);
