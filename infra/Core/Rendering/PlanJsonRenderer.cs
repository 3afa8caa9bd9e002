using System.Text.Json.Nodes;

namespace BirdInfra.Rendering;

/// <summary>
/// The machine-readable preview: <c>{stack, summary: {create, update, replace, delete, same}, resources: [{type, kind, name,
/// action, reason, id, changes: [{path, old, new, forcesReplacement}], inputs, consequence}]}</c>. Secrets are "[secret]".
/// With a guard report, a <c>guards</c> object is added: <c>{stops, destructiveChanges, maxDestructiveChanges,
/// allowDestructiveChanges, violations: [{rule, kind, name, action, reason, origin, file, line, column, yamlPath, message, hint}]}</c>.
/// </summary>
public static class PlanJsonRenderer
{
    /// <param name="accessChanges">What the plan does to each key's access (`preview`); adds <c>accessChanges</c> when given.</param>
    public static string Render(Plan plan, GuardReport? guards = null, IReadOnlyList<Access.AccessChange>? accessChanges = null)
    {
        JsonNode Masked(PropertyValue _) => JsonValue.Create("[secret]");
        JsonNode? Value(PropertyValue? value) => value is null ? null : PropertyJson.ToJson(value, Masked);

        var resources = new JsonArray();
        foreach (var change in plan.Changes)
        {
            var node = new JsonObject
            {
                ["type"] = change.TypeToken,
                ["kind"] = change.Address.Kind,
                ["name"] = change.Address.Name,
                ["action"] = change.Action.Word(),
                ["reason"] = change.Reason,
                ["id"] = change.Current?.Id,
                ["changes"] = new JsonArray(change.Changes.Select(c => (JsonNode)new JsonObject
                {
                    ["path"] = c.Path,
                    ["old"] = Value(c.Old),
                    ["new"] = Value(c.New),
                    ["forcesReplacement"] = c.ForcesReplacement,
                }).ToArray()),
            };
            if (change.Action == PlanAction.Create)
            {
                node["inputs"] = Value(PropertyValue.Map(change.DesiredInputs!));
            }

            if (change.Action == PlanAction.Replace)
            {
                node["deleteBeforeReplace"] = change.DeleteBeforeReplace;
            }

            if (change.Consequence is { } consequence)
            {
                node["consequence"] = consequence;
            }

            resources.Add(node);
        }

        var s = plan.Summary;
        var root = new JsonObject
        {
            ["stack"] = plan.Stack,
            ["summary"] = new JsonObject
            {
                ["create"] = s.Create,
                ["update"] = s.Update,
                ["replace"] = s.Replace,
                ["delete"] = s.Delete,
                ["same"] = s.Same,
            },
            ["resources"] = resources,
        };
        if (guards is not null)
        {
            root["guards"] = Guards(guards);
        }

        if (accessChanges is not null)
        {
            root["accessChanges"] = AccessChangeRenderer.Json(accessChanges);
        }

        return root.ToJsonString(JsonText.Indented);
    }

    private static JsonObject Guards(GuardReport guards) => new()
    {
        ["stops"] = guards.Stops,
        ["destructiveChanges"] = guards.DestructiveChanges,
        ["maxDestructiveChanges"] = guards.Limit,
        ["allowDestructiveChanges"] = guards.AllowDestructiveChanges,
        ["violations"] = new JsonArray(guards.Violations.Select(v => (JsonNode)new JsonObject
        {
            ["rule"] = v.Rule == GuardRule.Protected ? "protected" : "maxDestructiveChanges",
            ["kind"] = v.Change?.Address.Kind,
            ["name"] = v.Change?.Address.Name,
            ["action"] = v.Change?.Action.Word(),
            ["reason"] = v.Reason,
            ["origin"] = v.Origin,
            ["file"] = v.Source?.File,
            ["line"] = v.Source?.Line,
            ["column"] = v.Source?.Column,
            ["yamlPath"] = v.YamlPath,
            ["message"] = v.Message,
            ["hint"] = v.Hint,
        }).ToArray()),
    };
}
