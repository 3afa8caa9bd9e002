using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BirdInfra.Rendering;

namespace BirdInfra.Compare;

/// <summary>Prints a <see cref="StackComparison"/> as text, markdown (a pull-request comment) or JSON, all from the same value.</summary>
public static class ComparisonRenderer
{
    public static string Render(StackComparison comparison, PlanFormat format) => format switch
    {
        PlanFormat.Json => Json(comparison),
        PlanFormat.Markdown => Markdown(comparison),
        _ => Text(comparison),
    };

    public static string Summary(StackComparison c) =>
        $"Compare {c.Left} (left) with {c.Right} (right): {c.Unexpected} unexpected, {c.Total - c.Unexpected} expected "
        + $"({c.Differences.Length} properties differ, {c.OnlyInLeft.Length} resources only in {c.Left}, {c.OnlyInRight.Length} only in {c.Right}).";

    private static string Text(StackComparison c)
    {
        var text = new StringBuilder();
        foreach (var group in c.Differences.GroupBy(d => d.Address))
        {
            text.Append("~ ").Append(group.Key).Append('\n');
            foreach (var d in group)
            {
                text.Append("    ").Append(d.Path).Append(": ").Append(Shown(d.Left)).Append(" → ").Append(Shown(d.Right))
                    .Append(d.Expected ? "  (expected)" : string.Empty).Append('\n');
            }
        }

        foreach (var only in c.OnlyInLeft)
        {
            text.Append("< ").Append(only.Address).Append(": only in ").Append(c.Left).Append(only.Expected ? "  (expected)" : string.Empty).Append('\n');
        }

        foreach (var only in c.OnlyInRight)
        {
            text.Append("> ").Append(only.Address).Append(": only in ").Append(c.Right).Append(only.Expected ? "  (expected)" : string.Empty).Append('\n');
        }

        return text.Append(Summary(c)).Append('\n').ToString();
    }

    private static string Markdown(StackComparison c)
    {
        var text = new StringBuilder();
        text.Append("### Compare `").Append(c.Left).Append("` with `").Append(c.Right).Append("`\n\n").Append(Summary(c)).Append("\n\n");
        if (c.Total == 0)
        {
            return text.Append("The two stacks declare the same resources with the same values.\n").ToString();
        }

        text.Append("| | resource | property | ").Append(c.Left).Append(" | ").Append(c.Right).Append(" |\n|---|---|---|---|---|\n");
        foreach (var d in c.Differences)
        {
            text.Append("| ").Append(d.Expected ? "expected" : "**unexpected**").Append(" | `").Append(d.Address).Append("` | `").Append(d.Path).Append("` | ")
                .Append(Cell(d.Left)).Append(" | ").Append(Cell(d.Right)).Append(" |\n");
        }

        foreach (var only in c.OnlyInLeft)
        {
            text.Append("| ").Append(only.Expected ? "expected" : "**unexpected**").Append(" | `").Append(only.Address).Append("` | | declared | (absent) |\n");
        }

        foreach (var only in c.OnlyInRight)
        {
            text.Append("| ").Append(only.Expected ? "expected" : "**unexpected**").Append(" | `").Append(only.Address).Append("` | | (absent) | declared |\n");
        }

        return text.ToString();
    }

    private static string Json(StackComparison c)
    {
        var root = new JsonObject
        {
            ["left"] = c.Left,
            ["right"] = c.Right,
            ["differences"] = new JsonArray([.. c.Differences.Select(d => (JsonNode)new JsonObject
            {
                ["address"] = d.Address,
                ["path"] = d.Path,
                ["left"] = d.Left,
                ["right"] = d.Right,
                ["expected"] = d.Expected,
            })]),
            ["onlyIn"] = new JsonObject
            {
                ["left"] = new JsonArray([.. c.OnlyInLeft.Select(Only)]),
                ["right"] = new JsonArray([.. c.OnlyInRight.Select(Only)]),
            },
            ["summary"] = new JsonObject { ["differences"] = c.Total, ["unexpected"] = c.Unexpected },
        };
        return root.ToJsonString(JsonText.IndentedRelaxed) + "\n";
    }

    private static JsonNode Only(OnlyInOneStack only) => new JsonObject { ["address"] = only.Address, ["expected"] = only.Expected };

    private static string Shown(string? value) => value is null ? "(absent)" : value.StartsWith("[secret]", StringComparison.Ordinal) ? value : JsonSerializer.Serialize(value, JsonText.IndentedRelaxed);

    private static string Cell(string? value) => value is null ? "(absent)" : "`" + value.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal) + "`";
}
