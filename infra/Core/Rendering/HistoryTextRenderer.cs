using System.Globalization;
using System.Text;
using BirdInfra.History;

namespace BirdInfra.Rendering;

/// <summary>`birdinfra history` for people: one block per record, newest first, with each change and its outcome.</summary>
public static class HistoryTextRenderer
{
    public static string Render(string stack, IReadOnlyList<HistoryRecord> newestFirst)
    {
        var sb = new StringBuilder();
        if (newestFirst.Count == 0)
        {
            sb.AppendLine($"Stack {stack}: no history yet (it starts with the first up, destroy or refresh that changes state).");
            return sb.ToString();
        }

        foreach (var record in newestFirst)
        {
            sb.Append(record.Time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                .Append("  ").Append(record.Command)
                .Append("  ").Append(record.Result)
                .Append("  by ").Append(record.Who);
            if (record.Ci is not null)
            {
                sb.Append(" (").Append(record.Ci).Append(')');
            }

            sb.AppendLine();
            if (record.Commit is not null)
            {
                sb.Append("  commit ").Append(record.Commit).AppendLine(record.StackFileModified ? " (stack file modified since)" : string.Empty);
            }

            if (record.Summary is { } summary)
            {
                sb.Append("  ").AppendLine(PlanTextRenderer.SummaryLine(summary));
            }

            if (record.Findings is { } findings)
            {
                sb.Append("  ").AppendLine(findings.Clean
                    ? "no drift: Bird matches the stack again, and nothing unexpected lives beside it"
                    : $"{findings.Drifted} drifted ({findings.Deleted} deleted), {findings.Beside} beside the stack, {findings.Ignored} ignored; {findings.Critical} critical");
            }

            foreach (var drift in record.Drift)
            {
                sb.Append("  ! ").AppendLine(drift);
            }

            foreach (var access in record.AccessChanges.IsDefault ? [] : record.AccessChanges)
            {
                sb.Append("  access: ").AppendLine(access);
            }

            foreach (var change in record.Changes)
            {
                sb.Append("  ").Append(change.Action).Append(' ').Append(change.Kind).Append('.').Append(change.Name)
                    .Append(": ").AppendLine(change.Status);
                foreach (var property in change.Properties)
                {
                    sb.Append("      ").Append(property.Path).Append(": ")
                        .AppendLine(property.Old is null ? property.New : $"{property.Old} → {property.New}");
                }
            }

            if (record.Error is not null)
            {
                sb.Append("  error: ").AppendLine(record.Error);
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }
}
