using System.Text;
using BirdInfra.Outputs;

namespace BirdInfra.Rendering;

/// <summary>
/// <c>birdinfra output</c> as text: every output as a heading with one <c>logical-name: value</c> line per resource
/// (<c>(none)</c> when the stack has no resource of its kind), or one output's lines alone. Secrets print as
/// <c>[secret]</c> unless shown; a value state lacks prints as <c>(unknown: …)</c>.
/// </summary>
public static class OutputTextRenderer
{
    public static string Render(ImmutableArray<StackOutputValues> outputs, bool showSecrets)
    {
        var sb = new StringBuilder();
        foreach (var output in outputs)
        {
            if (output.Entries.IsEmpty)
            {
                sb.Append(output.Name).AppendLine(": (none)");
                continue;
            }

            sb.Append(output.Name).AppendLine(":");
            AppendEntries(sb, "  ", output, showSecrets);
        }

        return sb.ToString();
    }

    public static string RenderOne(StackOutputValues output, bool showSecrets)
    {
        var sb = new StringBuilder();
        AppendEntries(sb, string.Empty, output, showSecrets);
        return sb.ToString();
    }

    /// <summary>
    /// The text of a present value: <c>[secret]</c> for a secret unless <paramref name="showSecrets"/>, which is the one
    /// place <c>output</c> reads a secret's plain text.
    /// </summary>
    public static string Shown(PropertyValue value, bool showSecrets) =>
        value.IsSecret
            ? (showSecrets ? value.RevealString() : "[secret]")
            : value.AsStringOrNull() ?? value.ToString();

    private static void AppendEntries(StringBuilder sb, string indent, StackOutputValues output, bool showSecrets)
    {
        foreach (var entry in output.Entries)
        {
            sb.Append(indent).Append(entry.Resource).Append(": ")
                .AppendLine(entry.Value is null ? output.Output.AbsentText : Shown(entry.Value, showSecrets));
        }
    }
}
