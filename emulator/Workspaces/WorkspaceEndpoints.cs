using BirdInfra.Emulator.Http;
using BirdInfra.Emulator.Paging;
using BirdInfra.Emulator.Store;

namespace BirdInfra.Emulator.Workspaces;

/// <summary>List and get workspaces of the bootstrap organization.</summary>
internal static class WorkspaceEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/organizations/{organizationId}/workspaces", (string organizationId, HttpRequest request, EmulatorStore store) =>
        {
            var paging = PageRequest.Parse(request.Query);
            if (paging.Error is { } bad)
            {
                return ApiResults.Error(bad);
            }

            return ApiResults.From(store.Read<Outcome<Page<WorkspaceView>>>(state =>
                Scope.Organization(state, organizationId) is { } missing
                    ? missing
                    : Paginator.Paginate(state.Workspaces.Values, w => w.CreatedAt, w => w.Id, paging.Value!, WorkspaceView.From)));
        });

        app.MapGet("/organizations/{organizationId}/workspaces/{workspaceId}", (string organizationId, string workspaceId, EmulatorStore store) =>
            ApiResults.From(store.Read<Outcome<WorkspaceView>>(state =>
                Scope.Organization(state, organizationId) is { } missing ? missing
                : state.Workspaces.TryGetValue(workspaceId, out var w) ? WorkspaceView.From(w)
                : ApiError.NotFound("workspace"))));
    }
}
