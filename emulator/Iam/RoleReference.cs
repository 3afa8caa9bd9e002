namespace BirdInfra.Emulator.Iam;

/// <summary>An access key's role binding; a non-empty <c>workspaces</c> list restricts the role to those workspaces.</summary>
public sealed record RoleReference(string Id, string Type, IReadOnlyList<string> Workspaces);
