using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BirdInfra.Providers.StackFiles.Yaml;

/// <summary>
/// Turns YAML text into a <see cref="StackNode"/> tree from the parser's low-level events, so that every
/// node keeps its position and the hostile-input bounds are enforced while reading: nesting depth,
/// alias expansion (aliases share the anchored node, and the nodes they stand for are counted), duplicate
/// keys (an error, never last-wins), non-string keys, unknown tags and extra documents.
/// </summary>
internal sealed partial class YamlTreeReader
{
    private static readonly HashSet<string> CoreTags = new(StringComparer.Ordinal)
    {
        "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:float", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
    };

    private readonly Scanner scanner;
    private readonly IParser parser;
    private readonly string text;
    private readonly string file;
    private readonly DiagnosticBag bag;
    private readonly IReadOnlySet<string> sectionNames;
    private readonly Dictionary<string, StackNode> anchors = new(StringComparer.Ordinal);
    private long aliasExpandedNodes;

    private YamlTreeReader(string text, string file, DiagnosticBag bag, IReadOnlySet<string> sectionNames)
    {
        scanner = new Scanner(new StringReader(text), skipComments: true);
        parser = new Parser(scanner);
        this.text = text;
        this.file = file;
        this.bag = bag;
        this.sectionNames = sectionNames;
    }

    /// <summary>
    /// Reads the single document of <paramref name="text"/>. Returns null for an empty document, or when
    /// reading stopped at a fatal problem (then <paramref name="bag"/> holds it).
    /// </summary>
    /// <param name="sectionNames">Top-level keys whose entries are logical names (their duplicates get BI031).</param>
    public static StackNode? Read(string text, string file, DiagnosticBag bag, IReadOnlySet<string> sectionNames) =>
        new YamlTreeReader(text, file, bag, sectionNames).ReadStream();

    private StackNode? ReadStream()
    {
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(string.Empty, 1, keyLine: 0, keyColumn: 0);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart second)
            {
                Report(
                    DiagnosticCodes.MultipleDocuments,
                    "The file holds more than one YAML document.",
                    "A stack file is one document: remove the '---' and everything after it, or move it to its own file.",
                    second.Start,
                    string.Empty);
                return null;
            }

            return root is ScalarNode { IsNull: true } ? null : root;
        }
        catch (YamlException ex)
        {
            var message = CleanMessage(ex.Message);
            var (line, column) = message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndentation() is { } tab
                ? tab
                : (Line(ex.Start.Line), Line(ex.Start.Column));
            SyntaxError($"YAML syntax error: {message}", line, column);
            return null;
        }
        catch (ReadStopped)
        {
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet throws these for some malformed input (e.g. a flow mapping cut off at the end of the file).
            SyntaxError(
                "YAML syntax error: the file cannot be parsed from here on (an unclosed bracket or quote?).",
                Line(scanner.CurrentPosition.Line),
                Line(scanner.CurrentPosition.Column));
            return null;
        }
    }

    private StackNode ReadNode(string path, int depth, long keyLine, long keyColumn)
    {
        var current = parser.Current ?? throw new InvalidOperationException("The YAML parser ended inside a document.");
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return ResolveAlias(alias, path);
            case Scalar scalar:
            {
                parser.MoveNext();
                CheckTag(scalar, path);
                var empty = scalar.Style == ScalarStyle.Plain && scalar.Value.Length == 0 && scalar.Anchor.IsEmpty && keyLine > 0;
                var node = new ScalarNode(
                    Line(empty ? keyLine : scalar.Start.Line),
                    Line(empty ? keyColumn : scalar.Start.Column),
                    path,
                    scalar.Value,
                    scalar.Style == ScalarStyle.Plain,
                    hasTag: !scalar.Tag.IsEmpty) { File = file };
                Remember(scalar, node);
                return node;
            }

            case SequenceStart start:
                return ReadSequence(start, path, depth);
            case MappingStart start:
                return ReadMapping(start, path, depth);
            default:
                throw new InvalidOperationException($"Unexpected YAML event {current.GetType().Name}.");
        }
    }

    private SequenceNode ReadSequence(SequenceStart start, string path, int depth)
    {
        CheckDepth(start, path, depth);
        CheckTag(start, path);
        parser.MoveNext();
        var items = ImmutableArray.CreateBuilder<StackNode>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode($"{path}[{items.Count}]", depth + 1, 0, 0));
        }

        var node = new SequenceNode(Line(start.Start.Line), Line(start.Start.Column), path, items.ToImmutable()) { File = file };
        Remember(start, node);
        return node;
    }

    private MappingNode ReadMapping(MappingStart start, string path, int depth)
    {
        CheckDepth(start, path, depth);
        CheckTag(start, path);
        parser.MoveNext();
        var entries = ImmutableArray.CreateBuilder<MappingEntry>();
        var keys = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
        var isSection = depth == 2 && sectionNames.Contains(path);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current!;
            if (keyEvent is not Scalar keyScalar)
            {
                Report(
                    DiagnosticCodes.ComplexKey,
                    "This mapping key is a list, a mapping or an alias; stack file keys are plain strings.",
                    "Write the key as a plain word followed by ':', e.g. 'name:'.",
                    keyEvent.Start,
                    path);
                ReadNode(path, depth + 1, 0, 0);
                ReadNode(path, depth + 1, 0, 0);
                continue;
            }

            parser.MoveNext();
            CheckTag(keyScalar, path);
            var keyPath = path.Length == 0 ? Segment(keyScalar.Value) : $"{path}.{Segment(keyScalar.Value)}";
            var key = new ScalarNode(Line(keyScalar.Start.Line), Line(keyScalar.Start.Column), keyPath, keyScalar.Value, keyScalar.Style == ScalarStyle.Plain, false) { File = file };
            Remember(keyScalar, key);
            var value = ReadNode(keyPath, depth + 1, keyScalar.Start.Line, keyScalar.Start.Column);
            if (keys.TryGetValue(key.Value, out var first))
            {
                if (isSection)
                {
                    Report(
                        DiagnosticCodes.DuplicateLogicalName,
                        $"'{Text.Shown(key.Value)}' is declared twice in {path} (first at line {first.Line}).",
                        "Logical names are unique within a section: rename or remove one of the two.",
                        keyScalar.Start,
                        keyPath);
                }
                else
                {
                    Report(
                        DiagnosticCodes.DuplicateKey,
                        $"The key '{Text.Shown(key.Value)}' appears twice in this mapping (first at line {first.Line}).",
                        "Keep one of the two: YAML does not merge them, and BirdInfra will not guess which one you meant.",
                        keyScalar.Start,
                        keyPath);
                }

                continue;
            }

            keys.Add(key.Value, key);
            entries.Add(new MappingEntry(key, value));
        }

        var node = new MappingNode(Line(start.Start.Line), Line(start.Start.Column), path, entries.ToImmutable()) { File = file };
        Remember(start, node);
        return node;
    }

    private StackNode ResolveAlias(AnchorAlias alias, string path)
    {
        if (!anchors.TryGetValue(alias.Value.Value, out var target))
        {
            Report(
                DiagnosticCodes.AliasLimit,
                $"The alias '*{Text.Shown(alias.Value.Value)}' names no anchor defined before it.",
                "Define '&name' on a node before using '*name', or write the value out.",
                alias.Start,
                path);
            throw new ReadStopped();
        }

        aliasExpandedNodes += target.ExpandedSize;
        if (aliasExpandedNodes > StackLimits.MaxAliasExpandedNodes)
        {
            Report(
                DiagnosticCodes.AliasLimit,
                $"YAML aliases here expand to more than {StackLimits.MaxAliasExpandedNodes:N0} nodes (an alias bomb?); reading stopped.",
                "Use anchors and aliases sparingly, or write the values out.",
                alias.Start,
                path);
            throw new ReadStopped();
        }

        return target;
    }

    private void Remember(NodeEvent nodeEvent, StackNode node)
    {
        if (!nodeEvent.Anchor.IsEmpty)
        {
            anchors[nodeEvent.Anchor.Value] = node;
        }
    }

    private void CheckDepth(ParsingEvent start, string path, int depth)
    {
        if (depth > StackLimits.MaxDepth)
        {
            Report(
                DiagnosticCodes.NestingTooDeep,
                $"The YAML is nested deeper than {StackLimits.MaxDepth} levels; reading stopped.",
                "A stack file needs at most 5 levels of nesting: check for runaway brackets or indentation.",
                start.Start,
                path);
            throw new ReadStopped();
        }
    }

    private void CheckTag(NodeEvent nodeEvent, string path)
    {
        if (!nodeEvent.Tag.IsEmpty && !CoreTags.Contains(nodeEvent.Tag.Value))
        {
            Report(
                DiagnosticCodes.UnsupportedTag,
                $"The YAML tag '{Text.Shown(nodeEvent.Tag.Value)}' is not supported.",
                "Remove the tag: stack files use plain YAML values (strings, lists, mappings, true/false, numbers) and {env: NAME} for outside values.",
                nodeEvent.Start,
                path);
        }
    }

    private void SyntaxError(string message, int line, int column) =>
        bag.Add(
            DiagnosticCodes.YamlSyntax,
            message,
            "Check the indentation (spaces only, never tabs), the brackets, the quotes and the ':' after each key near this position.",
            new SourceLocation(file, line, column),
            string.Empty);

    /// <summary>YamlDotNet reports a tab in indentation at the enclosing mapping; point at the tab itself.</summary>
    private (int Line, int Column)? FirstTabIndentation()
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indentation && lines[i].TrimStart(' ', '\t').Length > 0 && !lines[i].TrimStart(' ', '\t').StartsWith('#'))
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    private void Report(string code, string message, string hint, Mark mark, string path) =>
        bag.Add(code, message, hint, new SourceLocation(file, Line(mark.Line), Line(mark.Column)), path);

    private static int Line(long value) => (int)Math.Clamp(value, 1, int.MaxValue);

    private static string Segment(string key) => Text.Shown(key, 64);

    private static string CleanMessage(string message) => MarkPrefix().Replace(message, string.Empty).Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefix();

    /// <summary>Unwinds reading after a fatal, already reported problem (depth or alias bomb).</summary>
    private sealed class ReadStopped : Exception;
}
