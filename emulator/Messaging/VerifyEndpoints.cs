using System.Text.Json.Nodes;

namespace BirdInfra.Emulator.Messaging;

/// <summary>Verify create (202) with the documented closed schema and defaults; no code is ever sent.</summary>
internal static class VerifyEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/workspaces/{workspaceId}/verify", (string workspaceId, HttpRequest request, EmulatorStore store, TimeProvider time, CancellationToken ct) =>
            JsonBody.AnswerAsync(request, store.Read(state => Scope.Workspace(state, workspaceId)), b =>
            {
                var v = new Validator();
                v.Closed(b, "", "identifier", "locale", "maxAttempts", "timeout", "codeLength", "steps");
                if (v.Object(b, "identifier", "", required: true) is { } identifier)
                {
                    v.Closed(identifier, ".identifier", "phonenumber", "emailaddress");
                    v.String(identifier, "phonenumber", ".identifier", required: false);
                    v.String(identifier, "emailaddress", ".identifier", required: false);
                    if (identifier.Count == 0)
                    {
                        v.Add(".identifier", "phonenumber or emailaddress is required");
                    }
                }

                var locale = v.String(b, "locale", "", required: false, max: 35);
                var maxAttempts = v.Int(b, "maxAttempts", "", 1, 10) ?? 3;
                var timeout = v.Int(b, "timeout", "", 30, 3600) ?? 600;
                var codeLength = v.Int(b, "codeLength", "", 6, 12) ?? 6;
                foreach (var (step, at) in v.Objects(b, "steps", "", required: true, minItems: 1, maxItems: 10, "channelId", "navigatorId", "template") ?? [])
                {
                    if (step.ContainsKey("channelId") == step.ContainsKey("navigatorId"))
                    {
                        v.Add(at, "exactly one of channelId or navigatorId is required");
                    }
                }

                if (v.ToError() is { } invalid)
                {
                    return ApiResults.Error(invalid);
                }

                var now = time.NowMs();
                var verification = new JsonObject
                {
                    ["id"] = Clock.NewId(),
                    ["identifier"] = b["identifier"]!.DeepClone(),
                    ["locale"] = locale ?? "en-US",
                    ["maxAttempts"] = maxAttempts,
                    ["failedAttempts"] = 0,
                    ["timeout"] = timeout,
                    ["codeLength"] = codeLength,
                    ["status"] = "accepted",
                    ["currentStepIndex"] = 0,
                    ["steps"] = b["steps"]!.DeepClone(),
                    ["createdAt"] = UtcMillisecondsConverter.Text(now),
                    ["updatedAt"] = UtcMillisecondsConverter.Text(now),
                    ["expiresAt"] = UtcMillisecondsConverter.Text(now.AddSeconds(timeout)),
                };
                return ApiResults.Json(verification, 202);
            }, ct));
    }
}
