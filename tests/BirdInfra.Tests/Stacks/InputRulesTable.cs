using System.Text;
using System.Text.Json.Nodes;
using BirdInfra.Providers.Kinds;

namespace BirdInfra.Tests.Stacks;

/// <summary>
/// Reads tests/Corpus/input-rules.json, the table of Bird's value rules that <c>validate</c> and the plugin's Check share,
/// and writes a row as a stack file: the table's base stack with the row's entry added as <c>under-test</c> to its section.
/// </summary>
internal static class InputRulesTable
{
    public const string LogicalName = "under-test";

    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Corpus", "input-rules.json")))!.AsObject());

    public static IReadOnlyList<InputRuleRow> Invalid => Rows("invalid");

    public static IReadOnlyList<InputRuleRow> Valid => Rows("valid");

    public static InputRuleRow Find(string id) => Invalid.Concat(Valid).Single(r => r.Id == id);

    public static byte[] Bytes(string yaml) => Encoding.UTF8.GetBytes(yaml);

    /// <summary>The stack file text, and the lines (1-based, inclusive) the row's entry occupies, its key included.</summary>
    public static (string Yaml, int FirstLine, int LastLine) StackFor(InputRuleRow? row)
    {
        var lines = new List<string> { "target:", "  endpoint: emulator" };
        var (first, last) = (0, 0);
        var baseSections = Document.Value["base"]!.AsObject();
        foreach (var section in BirdKinds.Default.Sections.Select(s => s.Name))
        {
            var entries = baseSections[section]?.AsObject().Select(e => (e.Key, Lines(e.Value!))).ToList() ?? [];
            if (row?.Section == section)
            {
                entries.Add((LogicalName, row.Yaml));
            }

            if (entries.Count == 0)
            {
                continue;
            }

            lines.Add($"{section}:");
            foreach (var (name, body) in entries)
            {
                if (name == LogicalName)
                {
                    first = lines.Count + 1;
                    last = first + body.Count;
                }

                lines.Add($"  {name}:");
                lines.AddRange(body.Select(l => $"    {l}"));
            }
        }

        return (string.Join('\n', lines) + "\n", first, last);
    }

    private static IReadOnlyList<InputRuleRow> Rows(string group) =>
        Document.Value[group]!.AsArray().Select(r => r!.AsObject()).Select(r => new InputRuleRow(
            (string)r["id"]!,
            (string)r["type"]!,
            (string)r["section"]!,
            Lines(r["yaml"]!),
            (string?)r["yamlPath"],
            (string?)r["code"])).ToList();

    private static IReadOnlyList<string> Lines(JsonNode node) => node.AsArray().Select(l => (string)l!).ToList();
}
