using System.Globalization;
using System.Text.RegularExpressions;

namespace BirdInfra.Providers.StackFiles.Reading;

/// <summary>
/// Reads typed values out of the YAML tree, reporting every shape problem (unknown keys, wrong types,
/// missing fields, oversized or control-character strings) into one bag and returning null for a value
/// that cannot be used, so the caller goes on checking the rest of the file.
/// </summary>
public sealed partial class FieldReader(string file, DiagnosticBag bag)
{
    public string File { get; } = file;

    /// <summary>Where the node was written: its own file, and for a node from a base the stack file that extends it.</summary>
    public SourceLocation At(StackNode node) =>
        node.File is { } own && own != File ? new(own, node.Line, node.Column) { ExtendedBy = File } : new(File, node.Line, node.Column);

    public void Report(string code, string message, string hint, StackNode node) =>
        bag.Add(code, message, hint, At(node), node.Path);

    public void Report(string code, string message, string hint, SourceLocation location, string path) =>
        bag.Add(code, message, hint, location, path);

    /// <summary>Something valid but probably not meant: printed, but the stack still loads.</summary>
    public void Warn(string code, string message, string hint, StackNode node) =>
        bag.Add(new Diagnostic(code, message, hint, At(node), node.Path) { Severity = DiagnosticSeverity.Warning });

    public void CheckKeys(MappingNode mapping, ImmutableArray<string> known, string where)
    {
        foreach (var entry in mapping.Entries)
        {
            if (known.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                continue;
            }

            var closest = Text.Closest(entry.Key.Value, known);
            var hint = closest is null
                ? $"Keys allowed in {where}: {string.Join(", ", known)}."
                : $"Did you mean '{closest}'? Keys allowed in {where}: {string.Join(", ", known)}.";
            Report(DiagnosticCodes.UnknownKey, $"Unknown key '{Text.Shown(entry.Key.Value)}' in {where}.", hint, entry.Key);
        }
    }

    /// <summary>The value of <paramref name="key"/>, or null when absent or written as null.</summary>
    public static StackNode? Optional(MappingNode mapping, string key) =>
        mapping.Find(key)?.Value is { } value && value is not ScalarNode { IsNull: true } ? value : null;

    /// <summary>The value of a required field; reports BI023 at the declaration when absent or null.</summary>
    public StackNode? Required(MappingNode mapping, string key, SourceLocation owner, string hint)
    {
        if (Optional(mapping, key) is { } value)
        {
            return value;
        }

        var path = Join(mapping.Path, key);
        if (mapping.Find(key) is { } present)
        {
            Report(DiagnosticCodes.MissingField, $"'{key}' has no value.", hint, present.Value);
        }
        else
        {
            Report(DiagnosticCodes.MissingField, $"'{key}' is required.", hint, owner, path);
        }

        return null;
    }

    public MappingNode? Mapping(StackNode node, string what, string hint)
    {
        if (node is MappingNode mapping)
        {
            return mapping;
        }

        Report(DiagnosticCodes.WrongType, $"{what} must be a mapping, not {node.Describe()}.", hint, node);
        return null;
    }

    /// <summary>
    /// A string value, exactly as written: an unquoted number or word is accepted as its text. Lists,
    /// mappings, nulls, strings over 4096 characters, control characters and (unless allowed) <c>${...}</c>
    /// are reported.
    /// </summary>
    public string? String(StackNode node, string example, bool allowInterpolation = false)
    {
        if (node is not ScalarNode scalar)
        {
            Report(DiagnosticCodes.WrongType, $"Expected a single value here, not {node.Describe()}.", $"Write one value, e.g. {example}.", node);
            return null;
        }

        if (scalar.IsNull)
        {
            Report(DiagnosticCodes.WrongType, "Expected a value here, found nothing (null).", $"Write a value, e.g. {example}.", node);
            return null;
        }

        if (!Clean(scalar))
        {
            return null;
        }

        if (!allowInterpolation && scalar.Value.Contains("${", StringComparison.Ordinal))
        {
            Report(
                DiagnosticCodes.InterpolationNotAllowed,
                $"'{Text.Shown(scalar.Value)}' uses ${{...}}, which this field does not interpolate.",
                "Only policy resources (${organizationId}, ${workspaceId}) and access key workspaces (${workspaceId}) are interpolated; write the value itself here.",
                node);
            return null;
        }

        return scalar.Value;
    }

    /// <summary>Length and character hygiene for any string the user wrote.</summary>
    public bool Clean(ScalarNode scalar)
    {
        if (scalar.Value.Length > StackLimits.MaxStringLength)
        {
            Report(
                DiagnosticCodes.StringTooLong,
                $"This value is {scalar.Value.Length:N0} characters long; the limit is {StackLimits.MaxStringLength:N0}.",
                "Shorten the value; no field of a stack file needs more than a few hundred characters.",
                scalar);
            return false;
        }

        var index = Text.IndexOfForbiddenCharacter(scalar.Value);
        if (index >= 0)
        {
            Report(
                DiagnosticCodes.ControlCharacters,
                $"The value '{Text.Shown(scalar.Value)}' contains the control character U+{(int)scalar.Value[index]:X4} at position {index + 1}.",
                "Remove line breaks, tabs, escapes such as \\r \\n \\x00 and bidirectional-override characters from the value.",
                scalar);
            return false;
        }

        return true;
    }

    public bool? Boolean(StackNode node)
    {
        if (node is ScalarNode { AsBoolean: { } value })
        {
            return value;
        }

        Report(DiagnosticCodes.WrongType, $"Expected true or false, not {node.Describe()}.", "Write true or false (unquoted).", node);
        return null;
    }

    public int? Integer(StackNode node, string example)
    {
        if (node is ScalarNode { IsPlain: true } scalar && IntegerPattern().IsMatch(scalar.Value))
        {
            return int.Parse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        Report(DiagnosticCodes.WrongType, $"Expected a whole number, not {node.Describe()}.", $"Write an unquoted number, e.g. {example}.", node);
        return null;
    }

    /// <summary>The items of a list; a single value or a mapping where a list belongs is reported.</summary>
    public ImmutableArray<StackNode>? List(StackNode node, string example, bool nonEmpty)
    {
        if (node is not SequenceNode sequence)
        {
            var hint = node is ScalarNode ? $"Write a list even for one item, e.g. {example}." : $"Write a list, e.g. {example}.";
            Report(DiagnosticCodes.WrongType, $"Expected a list here, not {node.Describe()}.", hint, node);
            return null;
        }

        if (nonEmpty && sequence.Items.IsEmpty)
        {
            Report(DiagnosticCodes.EmptyList, "This list is empty.", $"Give at least one item, e.g. {example}.", node);
            return null;
        }

        return sequence.Items;
    }

    /// <summary>A list of strings; repeats are reported (BI025) and dropped.</summary>
    public ImmutableArray<(string Value, StackNode Node)>? StringList(StackNode node, string example, bool nonEmpty, bool allowInterpolation = false)
    {
        if (List(node, example, nonEmpty) is not { } items)
        {
            return null;
        }

        var result = ImmutableArray.CreateBuilder<(string, StackNode)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (String(item, example, allowInterpolation) is not { } value)
            {
                continue;
            }

            if (!seen.Add(value))
            {
                Report(DiagnosticCodes.DuplicateListItem, $"'{Text.Shown(value)}' appears twice in this list.", "Remove the repeated item.", item);
                continue;
            }

            result.Add((value, item));
        }

        return result.ToImmutable();
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    [GeneratedRegex("^[0-9]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();
}
