
namespace BirdInfra.Engine;

/// <summary>
/// What the engine needs from the program that runs it: environment variables, the clock, and somewhere to report
/// progress and problems while it works. The engine never prints; the CLI writes these to standard error.
/// </summary>
public interface IEngineHost
{
    Func<string, string?> Environment { get; }

    /// <summary>The clock for what a run records (saved plans, history).</summary>
    TimeProvider Time { get; }

    /// <summary>A line of progress or a notice (connecting, reading, a lock taken over, a history not written).</summary>
    void Report(string line);

    /// <summary>The warnings of a stack that loaded; they do not stop anything.</summary>
    void ReportWarnings(ImmutableArray<Diagnostic> diagnostics);

    /// <summary>Diagnostics that stopped the run (errors, and warnings found with them); <paramref name="outcome"/> says what did not happen.</summary>
    void ReportProblems(ImmutableArray<Diagnostic> diagnostics, string outcome);
}
