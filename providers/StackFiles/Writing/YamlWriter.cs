using System.Text;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BirdInfra.Providers.StackFiles.Writing;

/// <summary>
/// Writes a <see cref="YamlMapping"/> as block YAML with two-space indents. A scalar is written plain only when it
/// reads back as the same string under any YAML schema (no number, boolean, null, indicator or flow character);
/// otherwise it is double-quoted with JSON escapes, which YAML reads the same way.
/// </summary>
public static partial class YamlWriter
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    /// <summary>The mapping as a document; its top-level keys are separated by a blank line.</summary>
    public static string Write(YamlMapping root)
    {
        var text = new StringBuilder();
        foreach (var field in root.Fields)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            WriteFields(text, new YamlMapping([field]), 0);
        }

        return text.ToString();
    }

    /// <summary>One scalar as YAML text, quoted when plain would not read back as this string.</summary>
    public static string Scalar(string text) =>
        Plain().IsMatch(text) && !text.Contains(": ", StringComparison.Ordinal) && !text.EndsWith(':') && !Keywords.Contains(text) && !Number().IsMatch(text)
            ? text
            : Quoted(text);

    /// <summary>A double-quoted scalar: backslash, quote and control characters escaped, everything else as is.</summary>
    private static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\t' => quoted.Append("\\t"),
                _ when char.IsControl(c) => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    internal static void WriteFields(StringBuilder text, YamlMapping mapping, int indent)
    {
        foreach (var field in mapping.Fields)
        {
            text.Append(' ', indent).Append(Scalar(field.Key)).Append(':');
            switch (field.Value)
            {
                case YamlMapping { Flow: false, Fields.IsEmpty: false } nested:
                    Comment(text, field.Comment);
                    text.Append('\n');
                    WriteFields(text, nested, indent + 2);
                    break;
                case YamlSequence { Flow: false, Items.IsEmpty: false } list:
                    Comment(text, field.Comment);
                    text.Append('\n');
                    WriteItems(text, list, indent + 2);
                    break;
                default:
                    text.Append(' ').Append(Inline(field.Value));
                    Comment(text, field.Comment);
                    text.Append('\n');
                    break;
            }
        }
    }

    private static void WriteItems(StringBuilder text, YamlSequence list, int indent)
    {
        foreach (var item in list.Items)
        {
            text.Append(' ', indent).Append("- ");
            if (item is YamlMapping { Flow: false, Fields.IsEmpty: false } map)
            {
                // The first key sits on the dash's line, the others under it.
                var first = new StringBuilder();
                WriteFields(first, map, indent + 2);
                text.Append(first.ToString(indent + 2, first.Length - indent - 2));
            }
            else
            {
                text.Append(Inline(item)).Append('\n');
            }
        }
    }

    private static string Inline(YamlOut value) => value switch
    {
        YamlScalar { Plain: true } scalar => scalar.Text,
        YamlScalar scalar => Scalar(scalar.Text),
        YamlSequence list => "[" + string.Join(", ", list.Items.Select(Inline)) + "]",
        YamlMapping { Fields.IsEmpty: true } => "{}",
        YamlMapping map => "{ " + string.Join(", ", map.Fields.Select(f => $"{Scalar(f.Key)}: {Inline(f.Value)}")) + " }",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static void Comment(StringBuilder text, string? comment)
    {
        if (comment is not null)
        {
            text.Append("  # ").Append(comment.ReplaceLineEndings(" "));
        }
    }

    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_./*@:-]*( [A-Za-z0-9_./*@:+()-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();

    [GeneratedRegex(@"^[-+]?(\.?[0-9]|0[xob])", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
