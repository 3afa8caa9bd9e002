using BirdInfra.Providers.Diagnostics;

namespace BirdInfra.Commands;

/// <summary>Where a command writes (results to Out, progress and errors to Error) and how it asks for confirmation.</summary>
public sealed record ConsoleIO(TextWriter Out, TextWriter Error, Func<string, bool> Confirm, Func<string, string?> Environment) : IEngineHost
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

    /// <summary>"1 warning" / "2 warnings" put into <paramref name="format"/>, or empty when there is none.</summary>
    public static string WarningCount(ImmutableArray<Diagnostic> diagnostics, string format)
    {
        var warnings = diagnostics.Count(d => !d.IsError);
        return warnings == 0 ? string.Empty : string.Format(global::System.Globalization.CultureInfo.InvariantCulture, format, $"{warnings} warning{(warnings == 1 ? string.Empty : "s")}");
    }

    /// <summary>Prints every diagnostic; only errors count as problems.</summary>
    public void WriteDiagnostics(ImmutableArray<Diagnostic> diagnostics, string outcome = "nothing was sent to Bird")
    {
        foreach (var diagnostic in diagnostics)
        {
            Error.WriteLine(diagnostic.ToString());
        }

        var errors = diagnostics.Count(d => d.IsError);
        Error.WriteLine($"{errors} problem{(errors == 1 ? string.Empty : "s")} found{WarningCount(diagnostics, " (and {0})")}; {outcome}.");
    }

    /// <summary>Prints the warnings of a stack that loaded; they do not stop anything.</summary>
    public void WriteWarnings(ImmutableArray<Diagnostic> diagnostics)
    {
        foreach (var warning in diagnostics.Where(d => !d.IsError))
        {
            Error.WriteLine(warning.ToString());
        }
    }

    void IEngineHost.Report(string line) => Error.WriteLine(line);

    void IEngineHost.ReportWarnings(ImmutableArray<Diagnostic> diagnostics) => WriteWarnings(diagnostics);

    void IEngineHost.ReportProblems(ImmutableArray<Diagnostic> diagnostics, string outcome) => WriteDiagnostics(diagnostics, outcome);
}
