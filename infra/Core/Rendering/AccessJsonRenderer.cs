using System.Text.Json.Nodes;

namespace BirdInfra.Rendering;

/// <summary>
/// `birdinfra access --format json`: <c>{"keys": [{"key", "roles": [{"role", "workspaces"}], "permissions": [{"effect", "action",
/// "resource", "role", "policy", "definition", "source", "workspaces"}], "operations": [{"method", "path", "allowed", "range",
/// "words"}]}]}</c>; with <c>--request</c>: <c>{"requests": [{"key", "method", "path", "allowed", "decidedBy": {"policy",
/// "definition", "effect", "resource"} | null}]}</c>. <c>allowed</c> is true only when allowed for every id.
/// </summary>
public static class AccessJsonRenderer
{
    public static string Render(IReadOnlyList<KeyAccessReport> reports)
    {
        var keys = new JsonArray();
        foreach (var report in reports)
        {
            keys.Add(new JsonObject
            {
                ["key"] = report.Key.Key,
                ["roles"] = new JsonArray([.. report.Key.Subject.Roles.Select(r => (JsonNode)new JsonObject
                {
                    ["role"] = r.Role,
                    ["workspaces"] = new JsonArray([.. r.Workspaces.Select(w => (JsonNode)JsonValue.Create(w))]),
                })]),
                ["permissions"] = new JsonArray([.. report.Permissions.Select(p => (JsonNode)new JsonObject
                {
                    ["effect"] = p.Effect,
                    ["action"] = p.Action,
                    ["resource"] = p.Resource,
                    ["role"] = p.Source.Role,
                    ["policy"] = p.Source.Policy,
                    ["definition"] = p.Source.DefinitionPath,
                    ["source"] = p.Source.Where,
                    ["workspaces"] = new JsonArray([.. p.Workspaces.Select(w => (JsonNode)JsonValue.Create(w))]),
                })]),
                ["operations"] = new JsonArray([.. report.Operations.Select(o => (JsonNode)new JsonObject
                {
                    ["method"] = o.Operation.Method,
                    ["path"] = o.Path,
                    ["allowed"] = o.Outcome.AllowedForEvery,
                    ["range"] = Range(o.Outcome.Range),
                    ["words"] = o.Operation.Words,
                })]),
            });
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString(JsonText.Indented);
    }

    public static string RenderRequests(IReadOnlyList<AccessRequestResult> results)
    {
        var requests = new JsonArray();
        foreach (var r in results)
        {
            var decision = r.Decision;
            requests.Add(new JsonObject
            {
                ["key"] = r.Key,
                ["method"] = r.Method,
                ["path"] = r.Path,
                ["allowed"] = r.Outcome.AllowedForEvery,
                ["range"] = Range(r.Outcome.Range),
                ["decidedBy"] = decision.DecidedBy is { } rule
                    ? new JsonObject
                    {
                        ["policy"] = rule.Source.Policy,
                        ["definition"] = rule.Source.DefinitionPath,
                        ["effect"] = rule.Effect,
                        ["resource"] = decision.Resource,
                    }
                    : null,
            });
        }

        return new JsonObject { ["requests"] = requests }.ToJsonString(JsonText.Indented);
    }

    /// <summary><c>{"probes": [{"key", "method", "path", "expected", "status", "denied", "agrees"}]}</c>; <c>expected</c> is allowed or denied.</summary>
    public static string RenderProbes(IReadOnlyList<AccessProbeResult> results) => new JsonObject
    {
        ["probes"] = new JsonArray([.. results.Select(r => (JsonNode)new JsonObject
        {
            ["key"] = r.Key,
            ["method"] = r.Method,
            ["path"] = r.Path,
            ["expected"] = r.ExpectedAllowed ? "allowed" : "denied",
            ["status"] = r.Status,
            ["denied"] = r.Denied,
            ["agrees"] = r.Agrees,
        })]),
    }.ToJsonString(JsonText.Indented);

    /// <summary><c>every id</c>, <c>no id</c>, <c>some ids</c> or <c>unknown</c>.</summary>
    private static string Range(AccessRange range) => range switch
    {
        AccessRange.AllowedForEvery => "every id",
        AccessRange.DeniedForEvery => "no id",
        AccessRange.DependsOnId => "some ids",
        _ => "unknown",
    };
}
