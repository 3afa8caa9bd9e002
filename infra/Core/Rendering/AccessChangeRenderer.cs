using System.Text;
using System.Text.Json.Nodes;

namespace BirdInfra.Rendering;

/// <summary>What a preview says about access: per key the allow rows gained and lost and the operations it now may or no longer may do (text, markdown, JSON).</summary>
public static class AccessChangeRenderer
{
    public static string Text(IReadOnlyList<AccessChange> changes)
    {
        if (changes.Count == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine("Access changes (`birdinfra access` shows the whole picture):");
        foreach (var change in changes)
        {
            sb.Append("  access key ").AppendLine(change.Key);
            foreach (var row in change.Gains)
            {
                sb.Append("    + gains ").AppendLine(Row(row));
            }

            foreach (var row in change.Loses)
            {
                sb.Append("    - loses ").AppendLine(Row(row));
            }

            foreach (var op in change.Gained)
            {
                sb.Append("    now may ").Append(op.Operation.Words).Append(": ").Append(op.Operation.Method).Append(' ').AppendLine(op.Path);
            }

            foreach (var op in change.Lost)
            {
                sb.Append("    no longer may ").Append(op.Operation.Words).Append(": ").Append(op.Operation.Method).Append(' ').AppendLine(op.Path);
            }
        }

        return sb.ToString();
    }

    public static string Markdown(IReadOnlyList<AccessChange> changes)
    {
        if (changes.Count == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine("### Access changes");
        foreach (var change in changes)
        {
            sb.AppendLine();
            sb.Append("**Access key `").Append(change.Key).AppendLine("`**");
            sb.AppendLine();
            foreach (var row in change.Gains)
            {
                sb.Append("- gains `").Append(Row(row)).AppendLine("`");
            }

            foreach (var row in change.Loses)
            {
                sb.Append("- loses `").Append(Row(row)).AppendLine("`");
            }

            foreach (var op in change.Gained)
            {
                sb.Append("- **now may** ").Append(op.Operation.Words).Append(": `").Append(op.Operation.Method).Append(' ').Append(op.Path).AppendLine("`");
            }

            foreach (var op in change.Lost)
            {
                sb.Append("- **no longer may** ").Append(op.Operation.Words).Append(": `").Append(op.Operation.Method).Append(' ').Append(op.Path).AppendLine("`");
            }
        }

        return sb.ToString();
    }

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

    private static string Row(AccessGrantRow row) =>
        $"{row.Action} {row.Resource}{(row.Workspaces.IsDefaultOrEmpty ? string.Empty : $" (in {string.Join(", ", row.Workspaces)})")}";
}
