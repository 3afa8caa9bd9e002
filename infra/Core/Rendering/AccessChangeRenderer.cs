using System.Text;
using System.Text.Json.Nodes;
using AccessLine = (char Sign, string Verb, string? Words, string What);

namespace BirdInfra.Rendering;

/// <summary>What a preview says about access: per key the allow rows gained and lost and the operations it now may or no longer may do (text, markdown, JSON).</summary>
public static class AccessChangeRenderer
{
    public static string Text(IReadOnlyList<AccessChange> changes) => Render(
        changes,
        "Access changes (`birdinfra access` shows the whole picture):",
        key => [$"  access key {key}"],
        line => line.Words is null ? $"    {line.Sign} {line.Verb} {line.What}" : $"    {line.Verb} {line.Words}: {line.What}");

    public static string Markdown(IReadOnlyList<AccessChange> changes) => Render(
        changes,
        "### Access changes",
        key => [string.Empty, $"**Access key `{key}`**", string.Empty],
        line => line.Words is null ? $"- {line.Verb} `{line.What}`" : $"- **{line.Verb}** {line.Words}: `{line.What}`");

    /// <summary><c>[{"key", "gains": [{"action", "resource", "workspaces"}], "loses": [...], "operations": {"gained": [{"method", "path", "words"}], "lost": [...]}}]</c>.</summary>
    public static JsonArray Json(IReadOnlyList<AccessChange> changes) => new([.. changes.Select(c => (JsonNode)new JsonObject
    {
        ["key"] = c.Key,
        ["gains"] = Rows(c.Gains),
        ["loses"] = Rows(c.Loses),
        ["operations"] = new JsonObject
        {
            ["gained"] = Operations(c.Gained),
            ["lost"] = Operations(c.Lost),
        },
    })]);

    private static JsonArray Rows(IEnumerable<AccessGrantRow> rows) => new([.. rows.Select(r => (JsonNode)new JsonObject
    {
        ["action"] = r.Action,
        ["resource"] = r.Resource,
        ["workspaces"] = new JsonArray([.. r.Workspaces.Select(w => (JsonNode)JsonValue.Create(w))]),
    })]);

    private static JsonArray Operations(IEnumerable<AccessOperationResult> operations) => new([.. operations.Select(o => (JsonNode)new JsonObject
    {
        ["method"] = o.Operation.Method,
        ["path"] = o.Path,
        ["words"] = o.Operation.Words,
    })]);

    /// <summary>The changes under a heading, each key's lines under the key's own; empty when there are none.</summary>
    private static string Render(IReadOnlyList<AccessChange> changes, string heading, Func<string, string[]> keyHeading, Func<AccessLine, string> format)
    {
        if (changes.Count == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder().AppendLine().AppendLine(heading);
        foreach (var change in changes)
        {
            foreach (var line in keyHeading(change.Key).Concat(Lines(change).Select(format)))
            {
                sb.AppendLine(line);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// What changes for one key, in the order text and markdown print it: allow rows gained and lost (no
    /// <c>Words</c>), then the operations it now may and no longer may do.
    /// </summary>
    private static IEnumerable<AccessLine> Lines(AccessChange change) =>
    [
        .. change.Gains.Select(row => Line('+', "gains", null, Row(row))),
        .. change.Loses.Select(row => Line('-', "loses", null, Row(row))),
        .. change.Gained.Select(op => Line('+', "now may", op.Operation.Words, $"{op.Operation.Method} {op.Path}")),
        .. change.Lost.Select(op => Line('-', "no longer may", op.Operation.Words, $"{op.Operation.Method} {op.Path}")),
    ];

    private static AccessLine Line(char sign, string verb, string? words, string what) => (sign, verb, words, what);

    private static string Row(AccessGrantRow row) =>
        $"{row.Action} {row.Resource}{(row.Workspaces.IsDefaultOrEmpty ? string.Empty : $" (in {string.Join(", ", row.Workspaces)})")}";
}
