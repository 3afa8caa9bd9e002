using System.Text;
using BirdInfra.Drift;

namespace BirdInfra.Rendering;

/// <summary>
/// `drift --format markdown`, the body of the issue a nightly pipeline opens: stack and target, the summary, a table of
/// drifted objects with expected and actual values, and a table of what lives beside the stack. Secrets print as [secret].
/// </summary>
public static class DriftMarkdownRenderer
{
    /// <param name="target">Where the stack points (the Bird endpoint, organization and workspace); null to leave it out.</param>
    public static string Render(DriftReport report, string? target = null)
    {
        var sb = new StringBuilder();
        sb.Append("## BirdInfra drift: stack `").Append(report.Stack).AppendLine("`");
        sb.AppendLine();
        if (target is not null)
        {
            sb.Append("Target: ").AppendLine(PlanMarkdownRenderer.Escape(target));
            sb.AppendLine();
        }

        sb.Append("**").Append(PlanMarkdownRenderer.Escape(DriftTextRenderer.SummaryLine(report))).AppendLine("**");
        if (!report.Drifted.IsEmpty)
        {
            sb.AppendLine();
            sb.AppendLine("### Changed or deleted outside BirdInfra");
            sb.AppendLine();
            sb.AppendLine("| Severity | Kind | Logical name | Id | Property | Expected | Bird has |");
            sb.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var drifted in report.Drifted)
            {
                var lead = $"| {drifted.Severity.Word()} | {drifted.Kind} | {PlanMarkdownRenderer.Cell(drifted.Name)} | {PlanMarkdownRenderer.Cell(drifted.Id)} | ";
                if (drifted.Deleted)
                {
                    sb.Append(lead).AppendLine("(deleted) | | |");
                }

                foreach (var change in drifted.Changes)
                {
                    sb.Append(lead).Append(PlanMarkdownRenderer.Cell(change.Path))
                        .Append(" | ").Append(PlanMarkdownRenderer.Code(change.Expected))
                        .Append(" | ").Append(PlanMarkdownRenderer.Code(change.Actual))
                        .AppendLine(" |");
                }
            }
        }

        if (!report.Beside.IsEmpty)
        {
            sb.AppendLine();
            sb.AppendLine("### Beside the stack");
            sb.AppendLine();
            sb.AppendLine("| Severity | Kind | Name | Id | What it is |");
            sb.AppendLine("|---|---|---|---|---|");
            foreach (var beside in report.Beside)
            {
                sb.Append("| ").Append(beside.Severity.Word())
                    .Append(" | ").Append(beside.Kind)
                    .Append(" | ").Append(PlanMarkdownRenderer.Cell(beside.Name))
                    .Append(" | ").Append(PlanMarkdownRenderer.Cell(beside.Id))
                    .Append(" | ").Append(PlanMarkdownRenderer.Cell(beside.Detail))
                    .AppendLine(" |");
            }
        }

        if (report.Ignored > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"{report.Ignored} object{(report.Ignored == 1 ? string.Empty : "s")} beside the stack ignored by the stack's `drift.ignore`.");
        }

        return sb.ToString();
    }
}
