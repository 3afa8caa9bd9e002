
namespace BirdInfra.Rendering;

/// <summary>
/// Colours for the text preview on a terminal: green create, yellow update, magenta replace, red delete, dim unchanged.
/// <see cref="Plain"/> adds nothing (redirected output, NO_COLOR, --no-color, golden files).
/// </summary>
public sealed class TextPalette
{
    public static readonly TextPalette Plain = new(false);

    public static readonly TextPalette Ansi = new(true);

    private const string Reset = "\u001b[0m";

    private TextPalette(bool enabled) => Enabled = enabled;

    public bool Enabled { get; }

    /// <summary>Colour only when stdout is a terminal, and never with NO_COLOR set (to anything but empty) or --no-color.</summary>
    public static TextPalette For(bool outputIsTerminal, Func<string, string?> environment, bool noColor) =>
        outputIsTerminal && !noColor && string.IsNullOrEmpty(environment("NO_COLOR")) ? Ansi : Plain;

    public string Paint(PlanAction action, string text) => Wrap(action switch
    {
        PlanAction.Create => "\u001b[32m",
        PlanAction.Update => "\u001b[33m",
        PlanAction.Replace => "\u001b[35m",
        PlanAction.Delete => "\u001b[31m",
        _ => "\u001b[2m",
    }, text);

    public string Dim(string text) => Wrap("\u001b[2m", text);

    private string Wrap(string code, string text) => Enabled && text.Length > 0 ? code + text + Reset : text;
}
