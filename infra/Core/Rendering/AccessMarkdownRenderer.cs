using System.Text;

namespace BirdInfra.Rendering;

/// <summary>`birdinfra access --format markdown`: per key a table of permission rows and what it may and may not do, for a pull-request comment.</summary>
public static class AccessMarkdownRenderer
{
    public static string Render(string stack, IReadOnlyList<KeyAccessReport> reports)
    {
        var sb = new StringBuilder();
        sb.Append("## BirdInfra access: stack `").Append(stack).AppendLine("`");
        foreach (var report in reports)
        {
            var key = report.Key;
            sb.AppendLine();
            sb.Append("### Access key `").Append(key.Key).AppendLine("`");
            sb.AppendLine();
            sb.Append("Roles: ").AppendLine(key.Subject.Roles.Length == 0 ? "none" : string.Join("; ", key.Subject.Roles.Select(r => Code(AccessWords.Role(r)))));
            if (key.Subject.Roles.Any(r => r.IsScoped))
            {
                sb.AppendLine();
                sb.Append("_").Append(char.ToUpperInvariant(AccessWords.ScopeInference[0])).Append(AccessWords.ScopeInference[1..]).AppendLine("._");
            }

            sb.AppendLine();
            sb.AppendLine("| effect | action | resource | scope | role | policy | definition | source |");
            sb.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var p in report.Permissions)
            {
                sb.Append("| ").Append(p.Effect).Append(" | ").Append(p.Action).Append(" | ").Append(Code(p.Resource)).Append(" | ").Append(Code(AccessWords.Workspaces(p.Workspaces)))
                    .Append(" | ").Append(Code(p.Source.Role)).Append(" | ").Append(Code(p.Source.Policy)).Append(" | ").Append(Code(p.Source.DefinitionPath))
                    .Append(" | ").Append(p.Source.Where).AppendLine(" |");
            }

            foreach (var range in AccessWords.Order)
            {
                var operations = report.Operations.Where(o => o.Outcome.Range == range).ToList();
                if (operations.Count == 0)
                {
                    continue;
                }

                sb.AppendLine();
                sb.Append("**").Append(range switch
                {
                    AccessRange.AllowedForEvery => "May",
                    AccessRange.DeniedForEvery => "May not",
                    AccessRange.DependsOnId => "Only for some ids",
                    _ => "Unknown",
                }).AppendLine("**");
                sb.AppendLine();
                foreach (var o in operations)
                {
                    sb.Append("- ").Append(o.Operation.Words).Append(": `").Append(o.Operation.Method).Append(' ').Append(o.Path).Append('`');
                    var detail = AccessWords.Detail(o);
                    sb.AppendLine(detail.Length == 0 ? string.Empty : $" ({detail})");
                }
            }
        }

        return sb.ToString();
    }

    private static string Code(string text) => $"`{text.Replace("`", "'", StringComparison.Ordinal)}`";
}
