using System.Text;

namespace BirdInfra.Rendering;

/// <summary>`birdinfra access` as text: per key its roles, its permission rows with their source, then what it may and may not do over Bird's API.</summary>
public static class AccessTextRenderer
{
    public static string Render(string stack, IReadOnlyList<KeyAccessReport> reports)
    {
        var sb = new StringBuilder();
        sb.Append("Access of stack ").Append(stack).Append(": ").Append(reports.Count).Append(reports.Count == 1 ? " access key" : " access keys").AppendLine(".");
        foreach (var report in reports)
        {
            sb.AppendLine();
            var key = report.Key;
            sb.Append("Access key ").Append(key.Key);
            if (key.Entry.Inputs.GetValueOrDefault("name") is Providers.Expressions.LiteralInput { } name && name.Value.AsString() != key.Key)
            {
                sb.Append(" (").Append(name.Value.AsString()).Append(')');
            }

            sb.AppendLine();
            sb.Append("  roles: ").AppendLine(key.Subject.Roles.Length == 0 ? "none" : string.Join("; ", key.Subject.Roles.Select(AccessWords.Role)));
            if (key.Subject.Roles.Any(r => r.IsScoped))
            {
                sb.Append("  (").Append(AccessWords.ScopeInference).AppendLine(")");
            }

            sb.AppendLine();
            sb.AppendLine("  Permissions (an explicit deny wins; anything not allowed is denied):");
            var rows = report.Permissions.Select(p => new[]
            {
                p.Effect, p.Action, p.Resource, AccessWords.Workspaces(p.Workspaces), p.Source.Role, p.Source.Policy, p.Source.DefinitionPath, p.Source.Where,
            }).ToList();
            Table(sb, ["EFFECT", "ACTION", "RESOURCE", "SCOPE", "ROLE", "POLICY", "DEFINITION", "SOURCE"], rows);
            sb.AppendLine();
            sb.AppendLine("  Over Bird's API (* = any id):");
            var operations = AccessWords.Order
                .SelectMany(range => report.Operations.Where(o => o.Outcome.Range == range))
                .Select(o => new[] { AccessWords.Range(o.Outcome.Range), o.Operation.Words, $"{o.Operation.Method} {o.Path}", AccessWords.Detail(o) })
                .ToList();
            Table(sb, null, operations);
        }

        return sb.ToString();
    }

    public static string RenderRequests(IReadOnlyList<AccessRequestResult> results)
    {
        var sb = new StringBuilder();
        var rows = results.Select(r => new[]
        {
            r.Key, $"{r.Method} {r.Path}", r.Outcome.Range switch
            {
                AccessRange.AllowedForEvery => "allowed",
                AccessRange.DeniedForEvery => "denied",
                AccessRange.DependsOnId => "depends on the id",
                _ => "unknown",
            },
            r.Outcome.Range == AccessRange.DependsOnId
                ? $"allowed on {r.Outcome.AllowedPath} by {AccessWords.Decided(r.Outcome.Allowing!)}; denied on {r.Outcome.DeniedPath}: {AccessWords.Decided(r.Outcome.Denying!)}"
                : AccessWords.Decided(r.Decision),
        }).ToList();
        Table(sb, ["KEY", "REQUEST", "ANSWER", "DECIDED BY"], rows);
        return sb.ToString();
    }

    public static string RenderProbes(IReadOnlyList<AccessProbeResult> results)
    {
        var sb = new StringBuilder();
        Table(sb, ["KEY", "REQUEST", "EXPECTED", "BIRD", "AGREES"], [.. results.Select(r => new[]
        {
            r.Key, $"{r.Method} {r.Path}", r.ExpectedAllowed ? "allowed" : "denied", $"{r.Status} ({(r.Denied ? "denied" : "not denied")})", r.Agrees ? "yes" : "NO",
        })]);
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, string[]? header, List<string[]> rows)
    {
        var all = header is null ? rows : [header, .. rows];
        if (all.Count == 0)
        {
            sb.AppendLine("    (none)");
            return;
        }

        var widths = Enumerable.Range(0, all[0].Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
        {
            var line = string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c])));
            sb.Append("    ").AppendLine(line.TrimEnd());
        }
    }
}
