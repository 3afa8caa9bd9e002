using System.Text.Json.Nodes;
using BirdInfra.Drift;

namespace BirdInfra.Rendering;

/// <summary>
/// `drift --format json`: <c>{stack, summary: {drifted, deleted, beside, ignored, critical}, drifted: [{kind, name, id,
/// severity, deleted, changes: [{path, expected, actual}]}], beside: [{kind, id, name, severity, detail}]}</c>. Secrets are "[secret]".
/// </summary>
public static class DriftJsonRenderer
{
    public static string Render(DriftReport report)
    {
        JsonNode Masked(PropertyValue _) => JsonValue.Create("[secret]");
        JsonNode? Value(PropertyValue? value) => value is null ? null : PropertyJson.ToJson(value, Masked);

        var root = new JsonObject
        {
            ["stack"] = report.Stack,
            ["summary"] = new JsonObject
            {
                ["drifted"] = report.Drifted.Length,
                ["deleted"] = report.Deleted,
                ["beside"] = report.Beside.Length,
                ["ignored"] = report.Ignored,
                ["critical"] = report.Critical,
            },
            ["drifted"] = new JsonArray(report.Drifted.Select(d => (JsonNode)new JsonObject
            {
                ["kind"] = d.Kind,
                ["name"] = d.Name,
                ["id"] = d.Id,
                ["severity"] = d.Severity.Word(),
                ["deleted"] = d.Deleted,
                ["changes"] = new JsonArray(d.Changes.Select(c => (JsonNode)new JsonObject
                {
                    ["path"] = c.Path,
                    ["expected"] = Value(c.Expected),
                    ["actual"] = Value(c.Actual),
                }).ToArray()),
            }).ToArray()),
            ["beside"] = new JsonArray(report.Beside.Select(b => (JsonNode)new JsonObject
            {
                ["kind"] = b.Kind,
                ["id"] = b.Id,
                ["name"] = b.Name,
                ["severity"] = b.Severity.Word(),
                ["detail"] = b.Detail,
            }).ToArray()),
        };
        return root.ToJsonString(JsonText.Indented);
    }
}
