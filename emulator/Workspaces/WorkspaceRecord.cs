namespace BirdInfra.Emulator.Workspaces;

/// <summary>A stored workspace. The emulator only has the bootstrap one (workspace create is out of scope).</summary>
public sealed record WorkspaceRecord(
    string Id,
    string OrganizationId,
    string Name,
    string Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
