
namespace BirdInfra.Emulator.Webhooks;

/// <summary>
/// <c>GET /workspaces/{ws}/available-webhooks[?service=…]</c>: the catalogue subscriptions are validated against
/// (<see cref="WebhookCatalog"/>). Only the channels service has catalogued events; the others answer no events.
/// </summary>
internal static class AvailableWebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/workspaces/{workspaceId}/available-webhooks", (string workspaceId, HttpRequest request, EmulatorStore store, EmulatorOptions options) =>
        {
            var service = request.Query["service"].ToString();
            if (service.Length > 0 && !WebhookCatalog.Services.Contains(service))
            {
                return ApiResults.Error(ApiError.BadRequest($"service must be one of: {string.Join(", ", WebhookCatalog.Services)}"));
            }

            return ApiResults.From(store.Read<Outcome<AvailableWebhooksView>>(state =>
                Scope.Workspace(state, workspaceId) is { } missing ? missing
                : new AvailableWebhooksView(service is "" or "channels"
                    ? [new AvailableServiceView("channels", [.. WebhookCatalog.ChannelEvents(options).Select(e => new AvailableEventView(e.Name, e.FilterKeys))])]
                    : [])));
        });
    }
}
