using System.Text;
using BirdInfra.Doctor;

namespace BirdInfra.Rendering;

/// <summary>
/// <c>doctor</c> as text: one line per check (<c>PASS</c>, <c>WARN</c>, <c>FAIL</c>, <c>SKIP</c>, its name, what was found),
/// a <c>fix:</c> line under each that has one, then the policy definitions the refused calls need, as stack-file YAML.
/// </summary>
public static class DoctorTextRenderer
{
    public static string Render(DoctorReport report)
    {
        var text = new StringBuilder();
        foreach (var check in report.Checks)
        {
            text.Append(check.Status.ToString().ToUpperInvariant().PadRight(5)).Append(check.Name).Append(": ").AppendLine(check.Detail);
            if (check.Status is CheckStatus.Fail or CheckStatus.Warn && check.Fix.Length > 0)
            {
                text.Append("     fix: ").AppendLine(check.Fix);
            }
        }

        if (!report.MissingPermissions.IsEmpty)
        {
            text.AppendLine()
                .AppendLine("The deploy key's policy needs these definitions (under accessPolicies.<name>.definitions, or in Bird's console):");
            foreach (var (action, resources) in report.Definitions)
            {
                text.AppendLine("  - effect: allow").Append("    actions: [").Append(action).AppendLine("]").AppendLine("    resources:");
                foreach (var resource in resources)
                {
                    text.Append("      - ").AppendLine(resource);
                }
            }
        }

        int Count(CheckStatus status) => report.Checks.Count(c => c.Status == status);
        text.AppendLine()
            .Append(report.Checks.Length).Append(" checks: ").Append(Count(CheckStatus.Pass)).Append(" passed, ").Append(Count(CheckStatus.Warn)).Append(" warnings, ")
            .Append(Count(CheckStatus.Fail)).Append(" failed, ").Append(Count(CheckStatus.Skip)).AppendLine(" skipped.");
        return text.ToString();
    }
}
