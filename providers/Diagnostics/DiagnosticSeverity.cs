namespace BirdInfra.Providers.Diagnostics;

/// <summary>An error stops the stack from loading; a warning is printed but is not a problem (exit codes and the loaded stack are unchanged).</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
}
