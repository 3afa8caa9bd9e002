using System.Text.RegularExpressions;
using BirdInfra.Providers.StackFiles.Writing;

namespace BirdInfra.Stacks;

/// <summary>
/// Writes the effective stack of <c>validate --print</c>: the merged tree of a stack and its bases, as one stack file
/// without <c>extends</c>, with a comment on each section and each resource naming the file(s) its values come from.
/// Secrets are written as the file writes them, their placeholders (<c>{ env: NAME }</c>, <c>{ generate: true }</c>).
/// </summary>
public static partial class EffectiveStackWriter
{
    /// <param name="display">How a file is named in the comments (e.g. relative to the project root).</param>
    public static string Write(StackNode root, string stackFile, ImmutableArray<string> files, Func<string, string> display)
    {
        var header = files.Length > 1
            ? $"# The effective stack {display(stackFile)}: {string.Join(" extended by ", files.Reverse().Select(display))}.\n"
            : $"# The effective stack {display(stackFile)}.\n";
        if (root is not MappingNode top)
        {
            return header;
        }

        var fields = top.Entries.Select(e => Field(e, depth: 0, display)).ToImmutableArray();
        return header + YamlWriter.Write(new YamlMapping(fields));
    }

    /// <summary>A tree as a stack file, without source comments (<c>export --base</c> writes an overlay with it).</summary>
    public static string WritePlain(MappingNode root) =>
        YamlWriter.Write(new YamlMapping([.. root.Entries.Select(e => Field(e, depth: 0, display: null))]));

    private static YamlField Field(MappingEntry entry, int depth, Func<string, string>? display)
    {
        // A comment on each top-level block and on each resource (or target field) under it.
        var comment = display is not null && (depth == 0 || (depth == 1 && entry.Value is MappingNode))
            ? "from " + string.Join(" and ", FilesIn(entry).Select(display))
            : null;
        return new YamlField(entry.Key.Value, Value(entry.Value, depth + 1, display), comment);
    }

    private static YamlOut Value(StackNode node, int depth, Func<string, string>? display) => node switch
    {
        MappingNode mapping => new YamlMapping(
            [.. mapping.Entries.Select(e => Field(e, depth, display))],
            Flow: mapping.Entries.Any(e => e.Key.Value is "env" or "generate") || mapping.Entries.IsEmpty),
        SequenceNode list => new YamlSequence(
            [.. list.Items.Select(i => Value(i, depth + 1, display))],
            Flow: list.Items.All(i => i is ScalarNode) && list.Items.Sum(i => ((ScalarNode)i).Value.Length + 2) < 60),
        ScalarNode scalar => Scalar(scalar),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>A plain boolean, number or null stays one; every other scalar is a string, quoted where YAML needs it.</summary>
    private static YamlScalar Scalar(ScalarNode scalar) =>
        scalar.IsPlain && (scalar.IsNull || scalar.AsBoolean is not null || Number().IsMatch(scalar.Value))
            ? new YamlScalar(scalar.IsNull ? "null" : scalar.Value, Plain: true)
            : new YamlScalar(scalar.Value);

    /// <summary>The files the entry's keys and values were written in (a merged mapping itself belongs to neither).</summary>
    private static List<string> FilesIn(MappingEntry entry)
    {
        var files = new List<string>();
        void Add(StackNode n)
        {
            if (n.File is { } file && !files.Contains(file))
            {
                files.Add(file);
            }
        }

        void Walk(StackNode n)
        {
            switch (n)
            {
                case MappingNode m:
                    foreach (var e in m.Entries)
                    {
                        Add(e.Key);
                        Walk(e.Value);
                    }

                    break;
                case SequenceNode s:
                    Add(s);
                    break;
                default:
                    Add(n);
                    break;
            }
        }

        Walk(entry.Value);
        if (files.Count == 0)
        {
            Add(entry.Key);
        }

        return files;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
