using System.Text.RegularExpressions;

namespace BirdInfra.Emulator.Channels;

/// <summary>Channel list (limit up to 1000, <c>platform</c> and <c>status</c> filters) and get.</summary>
internal static partial class ChannelEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/workspaces/{workspaceId}/channels", (string workspaceId, HttpRequest request, EmulatorStore store) =>
        {
            var paging = PageRequest.Parse(request.Query, maxLimit: 1000);
            if (paging.Error is { } bad)
            {
                return ApiResults.Error(bad);
            }

            var platforms = Values(request.Query, "platform");
            var statuses = Values(request.Query, "status");
            if (platforms.Concat(statuses).FirstOrDefault(p => !IdPattern().IsMatch(p)) is { } wrong)
            {
                return ApiResults.Error(ApiError.BadRequest($"filter value '{wrong}' must match ^[A-Za-z0-9-]+$"));
            }

            return ApiResults.From(store.Read<Outcome<Page<ChannelRecord>>>(state =>
                Scope.Workspace(state, workspaceId) is { } missing ? missing
                : Paginator.Paginate(
                    state.Channels.Values.Where(c => c.WorkspaceId == workspaceId
                        && (platforms.Count == 0 || platforms.Contains(c.PlatformId))
                        && (statuses.Count == 0 || statuses.Contains(c.Status))),
                    c => c.CreatedAt, c => c.Id, paging.Value!, c => c)));
        });

        app.MapGet("/workspaces/{workspaceId}/channels/{channelId}", (string workspaceId, string channelId, EmulatorStore store) =>
            ApiResults.From(store.Read<Outcome<ChannelRecord>>(state =>
                Scope.Workspace(state, workspaceId) is { } missing ? missing
                : state.Channels.TryGetValue(channelId, out var c) && c.WorkspaceId == workspaceId ? c
                : ApiError.NotFound("channel"))));
    }

    /// <summary>A filter given as repeated parameters and/or a comma-separated list.</summary>
    private static List<string> Values(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values)
            ? values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : [];

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex IdPattern();
}
