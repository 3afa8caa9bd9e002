namespace BirdInfra.Providers.Diagnostics;

/// <summary>
/// One problem found in a stack file: a stable code (see stacks/README.md), a message saying what is
/// wrong, a hint saying what to write instead, where it is, and the YAML path of the offending node
/// (dots and [i], e.g. <c>accessPolicies.contact-center.definitions[0].actions[1]</c>; empty for the
/// whole file). Most diagnostics are errors; a <see cref="DiagnosticSeverity.Warning"/> points at something that
/// is valid but probably not meant.
/// </summary>
public sealed record Diagnostic(string Code, string Message, string Hint, SourceLocation Location, string YamlPath)
{
    public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Error;

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString()
    {
        var at = YamlPath.Length == 0 ? string.Empty : $" (at {YamlPath})";
        if (Location.ExtendedBy is { } stack)
        {
            at += $" (in the base of {stack})";
        }

        var severity = IsError ? "error" : "warning";
        return $"{Location}: {severity} {Code}: {Message}{at}{Environment.NewLine}  hint: {Hint}";
    }
}
