namespace BirdInfra.Emulator.Workspaces;

/// <summary>The data policy every emulated workspace reports (fact sheet §2.2 example).</summary>
public sealed record WorkspaceDataPolicy(string Group, IReadOnlyList<WorkspaceRegion> Regions, string PiiStrategy)
{
    public static readonly WorkspaceDataPolicy Default = new("eu-west-1", [new WorkspaceRegion("eu-west-1", 1)], "default");
}
