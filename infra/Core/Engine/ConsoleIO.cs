namespace BirdInfra.Engine;

/// <summary>Where a command writes (results to Out, progress and errors to Error) and how it asks for confirmation.</summary>
public sealed record ConsoleIO(TextWriter Out, TextWriter Error, Func<string, bool> Confirm, Func<string, string?> Environment)
{
    /// <summary>Out is a terminal (not redirected to a file or pipe): the text preview may be coloured.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>The clock for what a command records (saved plans, history); tests may pass their own.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static ConsoleIO System => new(
        Console.Out,
        Console.Error,
        question =>
        {
            if (Console.IsInputRedirected)
            {
                return false;
            }

            Console.Error.Write($"{question} Type 'yes' to continue: ");
            return string.Equals(Console.ReadLine()?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
        },
        global::System.Environment.GetEnvironmentVariable)
    {
        OutIsTerminal = !Console.IsOutputRedirected,
    };

    /// <summary>The colours the text preview may use on this output.</summary>
    public Rendering.TextPalette Palette(bool noColor) => Rendering.TextPalette.For(OutIsTerminal, Environment, noColor);
}
