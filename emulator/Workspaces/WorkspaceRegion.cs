namespace BirdInfra.Emulator.Workspaces;

/// <summary>One region entry of a workspace data policy.</summary>
public sealed record WorkspaceRegion(string Region, int Priority);
