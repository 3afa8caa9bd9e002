namespace BirdInfra.Emulator.Workspaces;

/// <summary>Wire shape of a workspace (fact sheet §2.2).</summary>
public sealed record WorkspaceView(
    string Id,
    string OrganizationId,
    string Name,
    string Description,
    string Status,
    IReadOnlyList<object> StatusTransitions,
    WorkspaceDataPolicy DataPolicy,
    object? Configuration,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static WorkspaceView From(WorkspaceRecord w) => new(
        w.Id, w.OrganizationId, w.Name, w.Description, "active", [], WorkspaceDataPolicy.Default, null, w.CreatedAt, w.UpdatedAt);
}
