using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Webhooks;

/// <summary>
/// Webhook subscriptions on both documented path forms (org-prefixed and not): create, list with
/// <c>SearchFilter[…]</c>, get, PATCH, delete. Both forms address the same collection.
/// </summary>
internal static class SubscriptionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        MapAt(app, "/organizations/{organizationId}/workspaces/{workspaceId}/webhook-subscriptions");
        MapAt(app, "/workspaces/{workspaceId}/webhook-subscriptions");
    }

    private static void MapAt(IEndpointRouteBuilder app, string collection)
    {
        var item = collection + "/{subscriptionId}";

        app.MapGet(collection, (string workspaceId, HttpRequest request, EmulatorStore store) =>
        {
            var service = Filter(request.Query, "service");
            var @event = Filter(request.Query, "event");
            var status = Filter(request.Query, "status");
            return ListEndpoint.Answer(
                request, store, state => CheckScope(state, request, workspaceId),
                state => state.Subscriptions.Values.Where(s => s.WorkspaceId == workspaceId
                    && (service is null || s.Service == service)
                    && (@event is null || s.Event == @event)
                    && (status is null || s.Status == status)),
                s => s.CreatedAt, s => s.Id, (_, s) => s);
        });

        app.MapPost(collection, (string workspaceId, HttpRequest request, EmulatorStore store, EmulatorOptions options, TimeProvider time, CancellationToken ct) =>
            BodyWrite.RunAsync<JsonObject>(request, store, state => CheckScope(state, request, workspaceId), (state, b) =>
            {
                var v = new Validator();
                v.Closed(b, "", "service", "event", "eventFilters", "template", "url", "signingKey");
                var service = v.String(b, "service", "", required: true);
                if (service is not null && !WebhookCatalog.Services.Contains(service))
                {
                    v.Add(".service", $"must be one of: {string.Join(", ", WebhookCatalog.Services)}");
                    service = null;
                }

                var @event = v.String(b, "event", "", required: true);
                if (service is not null && @event is not null && WebhookCatalog.FilterKeys(options, service, @event) is null)
                {
                    v.Add(".event", $"unknown event '{@event}' for service '{service}'");
                    @event = null;
                }

                var filters = service is null ? null : SubscriptionRules.ParseFilters(v, b, options, service, @event);
                var template = v.String(b, "template", "", required: false, nullable: true);
                var url = v.String(b, "url", "", required: true, max: 2048);
                if (url is not null && WebhookUrlRule.Problem(url, options.AllowHttpWebhooks, isUpdate: false) is { } urlProblem)
                {
                    v.Add(".url", urlProblem);
                }

                var signingKey = v.String(b, "signingKey", "", required: false, max: 1024, nullable: true);
                if (v.ToError() is { } invalid)
                {
                    return invalid;
                }

                var now = time.NowMs();
                var subscription = new SubscriptionRecord(
                    Clock.NewId(), state.Bootstrap.OrganizationId, workspaceId, service!, @event!, filters ?? [], template, url!, signingKey, "active", now, now);
                if (SubscriptionRules.CheckUniqueness(state, subscription) is { } rejected)
                {
                    return rejected;
                }

                state.Subscriptions[subscription.Id] = subscription;
                return subscription.CreateResponse();
            }, ct, 201));

        app.MapGet(item, (string workspaceId, string subscriptionId, HttpRequest request, EmulatorStore store) =>
            ApiResults.From(store.Read<Outcome<SubscriptionRecord>>(state =>
                CheckScope(state, request, workspaceId) is { } missing ? missing
                : Find(state, workspaceId, subscriptionId) is { } s ? s
                : NotFound())));

        app.MapPatch(item, (string workspaceId, string subscriptionId, HttpRequest request, EmulatorStore store, EmulatorOptions options, TimeProvider time, CancellationToken ct) =>
            BodyWrite.RunAsync<SubscriptionRecord>(request, store, state => CheckScope(state, request, workspaceId), (state, b) =>
            {
                if (Find(state, workspaceId, subscriptionId) is not { } current)
                {
                    return NotFound();
                }

                var v = new Validator();
                foreach (var fixedField in new[] { "service", "event" })
                {
                    if (b.ContainsKey(fixedField))
                    {
                        v.Add(".", $"property \"{fixedField}\" cannot be changed; create a new subscription");
                    }
                }

                v.Closed(b, "", "url", "signingKey", "status", "eventFilters", "template", "service", "event");
                if (b.Count == 0)
                {
                    v.Add(".", "at least one property is required");
                }

                var url = v.String(b, "url", "", required: false, max: 2048);
                if (url is not null && WebhookUrlRule.Problem(url, options.AllowHttpWebhooks, isUpdate: true) is { } urlProblem)
                {
                    v.Add(".url", urlProblem);
                }

                // Bird's update schema types signingKey and template as plain (non-nullable) strings: null is a 422, not "clear it".
                var signingKey = v.String(b, "signingKey", "", required: false, max: 1024);
                var status = v.String(b, "status", "", required: false);
                SubscriptionRules.CheckStatus(v, status);
                var filters = SubscriptionRules.ParseFilters(v, b, options, current.Service, current.Event);
                var template = v.String(b, "template", "", required: false);
                if (v.ToError() is { } invalid)
                {
                    return invalid;
                }

                var updated = current with
                {
                    Url = url ?? current.Url,
                    SigningKey = signingKey ?? current.SigningKey,
                    Status = status ?? current.Status,
                    EventFilters = b.ContainsKey("eventFilters") ? filters ?? [] : current.EventFilters,
                    Template = template ?? current.Template,
                    UpdatedAt = time.NowMs(),
                };
                if (SubscriptionRules.CheckUniqueness(state, updated) is { } rejected)
                {
                    return rejected;
                }

                state.Subscriptions[updated.Id] = updated;
                return updated;
            }, ct));

        app.MapDelete(item, (string workspaceId, string subscriptionId, HttpRequest request, EmulatorStore store) =>
            ApiResults.NoContent(store.Write<bool>(state =>
                CheckScope(state, request, workspaceId) is { } missing ? missing
                : Find(state, workspaceId, subscriptionId) is { } s && state.Subscriptions.Remove(s.Id) ? true
                : NotFound()).Error));
    }

    private static ApiError NotFound() => new(404, ErrorCodes.NotFound, "The specified webhook subscription was not found.");

    private static SubscriptionRecord? Find(EmulatorState state, string workspaceId, string id) =>
        state.Subscriptions.TryGetValue(id, out var s) && s.WorkspaceId == workspaceId ? s : null;

    private static ApiError? CheckScope(EmulatorState state, HttpRequest request, string workspaceId) =>
        request.RouteValues["organizationId"] is string organizationId
            ? Scope.Workspace(state, organizationId, workspaceId)
            : Scope.Workspace(state, workspaceId);

    /// <summary>Reads the deep-object filter <c>SearchFilter[name]</c> (also accepted: <c>SearchFilters[name]</c>).</summary>
    private static string? Filter(IQueryCollection query, string name)
    {
        var value = query[$"SearchFilter[{name}]"].ToString();
        if (value.Length == 0)
        {
            value = query[$"SearchFilters[{name}]"].ToString();
        }

        return value.Length == 0 ? null : value;
    }
}
