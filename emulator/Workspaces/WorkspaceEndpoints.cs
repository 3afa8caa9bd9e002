
namespace BirdInfra.Emulator.Workspaces;

/// <summary>List and get workspaces of the bootstrap organization.</summary>
internal static class WorkspaceEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/organizations/{organizationId}/workspaces", (string organizationId, HttpRequest request, EmulatorStore store) =>
            ListEndpoint.Answer(
                request, store, state => Scope.Organization(state, organizationId), state => state.Workspaces.Values,
                w => w.CreatedAt, w => w.Id, (_, w) => WorkspaceView.From(w)));

        app.MapGet("/organizations/{organizationId}/workspaces/{workspaceId}", (string organizationId, string workspaceId, EmulatorStore store) =>
            ApiResults.From(store.Read<Outcome<WorkspaceView>>(state =>
                Scope.Organization(state, organizationId) is { } missing ? missing
                : state.Workspaces.TryGetValue(workspaceId, out var w) ? WorkspaceView.From(w)
                : ApiError.NotFound("workspace"))));
    }
}
