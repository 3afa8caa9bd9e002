namespace BirdInfra.Emulator.Iam;

/// <summary>An entry of a role's <c>actions</c>; semantics undocumented, stored and echoed only.</summary>
public sealed record RoleAction(string Name, string Type);
