using BirdInfra.Emulator.Deliveries;
using BirdInfra.Emulator.Faults;

namespace BirdInfra.Emulator.Controls;

/// <summary>
/// Test controls under <c>/_emulator</c>, a path real Bird does not have (admin key only, enforced by
/// the auth middleware): call log, fault rules, rate limit, a channel's status, delivery log, and an access key's role references.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_emulator");

        group.MapGet("/calls", (CallLog log) => ApiResults.Json(new { results = log.Snapshot() }));
        group.MapDelete("/calls", (CallLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });

        group.MapGet("/faults", (FaultRegistry faults) => ApiResults.Json(new { results = faults.Snapshot() }));
        group.MapPost("/faults", async (HttpRequest request, FaultRegistry faults, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadObjectAsync(request, ct);
            return body.Error is { } bad ? ApiResults.Error(bad) : ApiResults.From(faults.Add(body.Value!), 201);
        });
        group.MapDelete("/faults", (FaultRegistry faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        group.MapDelete("/faults/{id}", (string id, FaultRegistry faults) =>
            faults.Remove(id) ? Results.NoContent() : ApiResults.Error(ApiError.NotFound("fault rule")));

        group.MapGet("/rate-limit", (RateLimiter limiter) => ApiResults.Json(limiter.Settings));
        group.MapPut("/rate-limit", async (HttpRequest request, RateLimiter limiter, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadObjectAsync(request, ct);
            if (body.Error is { } bad)
            {
                return ApiResults.Error(bad);
            }

            var v = new Validator();
            v.Closed(body.Value!, "", "getPerSecond", "postPerSecond");
            var get = v.Int(body.Value!, "getPerSecond", "", 0, 1_000_000);
            var post = v.Int(body.Value!, "postPerSecond", "", 0, 1_000_000);
            if (v.ToError() is { } invalid)
            {
                return ApiResults.Error(invalid);
            }

            limiter.Settings = new RateLimitSettings(get, post);
            return ApiResults.Json(limiter.Settings);
        });

        // A channel in any status, as Bird might show it (e.g. 'failed', which its docs do not name): overrides the activation
        // timer for good, and announces the change with channel.updated as activation does.
        group.MapPut("/channels/{channelId}", async (string channelId, HttpRequest request, EmulatorStore store, WebhookDispatcher dispatcher, TimeProvider time, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadObjectAsync(request, ct);
            if (body.Error is { } bad)
            {
                return ApiResults.Error(bad);
            }

            var v = new Validator();
            v.Closed(body.Value!, "", "status");
            var status = v.String(body.Value!, "status", "", required: true, max: 64);
            if (v.ToError() is { } invalid)
            {
                return ApiResults.Error(invalid);
            }

            var changed = store.Write<ChannelRecord>(state =>
            {
                if (!state.Channels.TryGetValue(channelId, out var channel))
                {
                    return ApiError.NotFound("channel");
                }

                var updated = channel with { Status = status!, UpdatedAt = time.NowMs(), ActiveAt = DateTimeOffset.MaxValue };
                state.Channels[channelId] = updated;
                return updated;
            });
            if (changed.Value is { } c)
            {
                dispatcher.Publish(c.WorkspaceId, "channels", "channel.updated", c,
                    new Dictionary<string, string> { ["platformId"] = c.PlatformId, ["channelStatus"] = c.Status, ["channelId"] = c.Id });
            }

            return ApiResults.From(changed);
        });

        // Bird's console can change the roles (and their workspaces) of an existing key; its public API cannot, so this
        // control stands in for the console when a test makes drift. Same rules as a create's roleRefs.
        group.MapPut("/access-keys/{accessKeyId}/role-refs", async (string accessKeyId, HttpRequest request, EmulatorStore store, TimeProvider time, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadObjectAsync(request, ct);
            if (body.Error is { } bad)
            {
                return ApiResults.Error(bad);
            }

            return ApiResults.From(store.Write<AccessKeyView>(state =>
            {
                if (!state.AccessKeys.TryGetValue(accessKeyId, out var key))
                {
                    return ApiError.NotFound("access key");
                }

                var v = new Validator();
                v.Closed(body.Value!, "", "roleRefs");
                var roleRefs = AccessKeyEndpoints.ParseRoleRefs(v, body.Value!, state);
                if (v.ToError() is { } invalid)
                {
                    return invalid;
                }

                var changed = key with { RoleRefs = roleRefs, UpdatedAt = time.NowMs() };
                state.AccessKeys[accessKeyId] = changed;
                return AccessKeyView.From(changed, state.Bootstrap.OrganizationId);
            }));
        });

        group.MapGet("/deliveries", (DeliveryLog log) => ApiResults.Json(new { results = log.Snapshot() }));
        group.MapDelete("/deliveries", (DeliveryLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
    }
}
