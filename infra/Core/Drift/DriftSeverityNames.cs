
namespace BirdInfra.Drift;

/// <summary>A severity's word in every output (<c>info</c>, <c>warning</c>, <c>critical</c>).</summary>
public static class DriftSeverityNames
{
    public static string Word(this DriftSeverity severity) => severity switch
    {
        DriftSeverity.Critical => "critical",
        DriftSeverity.Warning => "warning",
        _ => "info",
    };
}
