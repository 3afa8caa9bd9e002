using BirdInfra.Drift;

namespace BirdInfra.Rendering;

/// <summary>`drift` for a terminal: a summary line, then each drifted object with expected → Bird per property, then what lives beside the stack.</summary>
public static class DriftTextRenderer
{
    public static void Write(TextWriter output, DriftReport report)
    {
        output.WriteLine(SummaryLine(report));
        if (!report.Drifted.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("Changed or deleted outside BirdInfra:");
            foreach (var drifted in report.Drifted)
            {
                var id = drifted.Id.Length == 0 ? string.Empty : $" ({drifted.Id})";
                output.WriteLine($"  [{drifted.Severity.Word()}] {drifted.Address}{id}: {(drifted.Deleted ? "deleted" : "changed")}");
                foreach (var change in drifted.Changes)
                {
                    output.WriteLine($"      {change.Path}: expected {ValueText.Inline(change.Expected)}, Bird has {ValueText.Inline(change.Actual)}");
                }
            }
        }

        if (!report.Beside.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("Beside the stack (no stack owns these):");
            foreach (var beside in report.Beside)
            {
                output.WriteLine($"  [{beside.Severity.Word()}] {beside.Kind} {beside.Name} ({beside.Id}): {beside.Detail}");
            }
        }
    }

    /// <summary>One line: what was found, or that nothing was.</summary>
    public static string SummaryLine(DriftReport report)
    {
        var ignored = report.Ignored == 0 ? string.Empty : $", {report.Ignored} ignored";
        if (report.IsClean)
        {
            return $"Stack {report.Stack}: no drift. Bird matches what the stack manages, and nothing unexpected lives beside it{ignored}.";
        }

        var deleted = report.Deleted == 0 ? string.Empty : $" ({report.Deleted} deleted)";
        return $"Stack {report.Stack}: {report.Drifted.Length} drifted{deleted}, {report.Beside.Length} beside the stack{ignored}; {report.Critical} critical.";
    }
}
