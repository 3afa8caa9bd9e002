
namespace BirdInfra.Providers.Diagnostics;

/// <summary>
/// Collects diagnostics in the order found, drops exact repeats (a node shared through a YAML alias is
/// checked once per use) and stops growing after <see cref="MaxDiagnostics"/> so hostile input cannot
/// produce unbounded output.
/// </summary>
public sealed class DiagnosticBag
{
    public const int MaxDiagnostics = 500;

    private readonly List<Diagnostic> diagnostics = [];
    private readonly HashSet<Diagnostic> seen = [];
    private int dropped;
    private int errors;
    private SourceLocation? firstDropped;

    /// <summary>Whether any error was found (warnings do not count, dropped ones do).</summary>
    public bool HasErrors => errors > 0;

    public int Count => diagnostics.Count;

    public void Add(Diagnostic diagnostic)
    {
        if (string.IsNullOrWhiteSpace(diagnostic.Hint))
        {
            throw new ArgumentException($"Diagnostic {diagnostic.Code} has no hint.", nameof(diagnostic));
        }

        if (!seen.Add(diagnostic))
        {
            return;
        }

        if (diagnostic.IsError)
        {
            errors++;
        }

        if (diagnostics.Count >= MaxDiagnostics)
        {
            dropped++;
            firstDropped ??= diagnostic.Location;
            return;
        }

        diagnostics.Add(diagnostic);
    }

    public void Add(string code, string message, string hint, SourceLocation location, string yamlPath) =>
        Add(new Diagnostic(code, message, hint, location, yamlPath));

    /// <summary>The diagnostics sorted by position (stable for equal positions).</summary>
    public ImmutableArray<Diagnostic> ToImmutable()
    {
        var sorted = diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location.ExtendedBy is null ? 1 : 0) // a base's problems first, file by file
            .ThenBy(x => x.d.Location.ExtendedBy is null ? string.Empty : x.d.Location.File, StringComparer.Ordinal)
            .ThenBy(x => x.d.Location.Line)
            .ThenBy(x => x.d.Location.Column)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToImmutableArray();
        if (dropped > 0 && firstDropped is not null)
        {
            sorted = sorted.Add(new Diagnostic(
                DiagnosticCodes.TooManyProblems,
                $"{dropped} more problem(s) were found but are not shown; only the first {MaxDiagnostics} are reported.",
                "Fix the problems above and validate again.",
                firstDropped,
                string.Empty) { Severity = errors > 0 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning });
        }

        return sorted;
    }
}
