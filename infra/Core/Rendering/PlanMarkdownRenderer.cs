using System.Text;

namespace BirdInfra.Rendering;

/// <summary>
/// The preview as a pull-request comment (GitHub and GitLab markdown): stack and target, the summary line, what the
/// guards stop, the consequences a reviewer must read (a rotated token, a dropped WhatsApp number), a table of the
/// changes, then one collapsible block per resource with old → new values. Secrets print as [secret].
/// </summary>
public static class PlanMarkdownRenderer
{
    /// <param name="target">Where the stack points (the Bird endpoint, organization and workspace); null to leave it out.</param>
    public static string Render(Plan plan, GuardReport? guards = null, string? target = null)
    {
        var sb = new StringBuilder();
        sb.Append("## BirdInfra preview: stack `").Append(plan.Stack).AppendLine("`");
        sb.AppendLine();
        if (target is not null)
        {
            sb.Append("Target: ").AppendLine(Escape(target));
            sb.AppendLine();
        }

        sb.Append("**").Append(PlanTextRenderer.SummaryLine(plan.Summary)).AppendLine("**");
        if (guards is { Stops: true })
        {
            AppendViolations(sb, guards);
        }
        else if (guards is { LimitOverridden: true })
        {
            sb.AppendLine();
            sb.AppendLine($"Guards: {GuardCheck.Resources(guards.DestructiveChanges)} to delete or replace, more than guards.maxDestructiveChanges ({guards.Limit}); allowed by --allow-destructive-changes.");
        }

        var changed = plan.Changes.Where(c => c.Action != PlanAction.Same).ToList();
        if (changed.Count == 0)
        {
            sb.AppendLine();
            sb.AppendLine("No changes. Bird matches the stack.");
            return sb.ToString();
        }

        var consequences = changed.Where(c => c.Consequence is not null).ToList();
        if (consequences.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("### Read before approving");
            sb.AppendLine();
            foreach (var change in consequences)
            {
                sb.Append("- **`").Append(change.Address).Append("`**: ").Append(Escape(change.Consequence!)).AppendLine(".");
            }
        }

        sb.AppendLine();
        sb.AppendLine("### Changes");
        sb.AppendLine();
        sb.AppendLine("| Action | Kind | Logical name | Changed properties |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var change in changed)
        {
            var protectedMark = guards?.ProtectionOf(change) is not null ? " (protected)" : string.Empty;
            sb.Append("| ").Append(change.Action.Word()).Append(protectedMark)
                .Append(" | ").Append(change.Address.Kind)
                .Append(" | ").Append(Cell(change.Address.Name))
                .Append(" | ").Append(Cell(string.Join(", ", Properties(change))))
                .AppendLine(" |");
        }

        foreach (var change in changed)
        {
            AppendDetails(sb, change, guards);
        }

        return sb.ToString();
    }

    private static void AppendViolations(StringBuilder sb, GuardReport guards)
    {
        sb.AppendLine();
        sb.AppendLine("### Guards stop this plan");
        sb.AppendLine();
        sb.AppendLine("`birdinfra up` refuses it; nothing is sent to Bird:");
        sb.AppendLine();
        foreach (var violation in guards.Violations)
        {
            sb.Append("- **").Append(Escape(violation.Message)).AppendLine("**");
            sb.Append("  ").Append(violation.Rule == GuardRule.Protected ? "Protected by " : "Set by ").Append(Escape(violation.Origin)).AppendLine(".");
            sb.Append("  Hint: ").AppendLine(Escape(violation.Hint));
        }
    }

    private static void AppendDetails(StringBuilder sb, PlannedChange change, GuardReport? guards)
    {
        sb.AppendLine();
        sb.AppendLine("<details>");
        sb.Append("<summary><code>").Append(change.Action.Symbol()).Append(' ').Append(change.Address).Append("</code> ")
            .Append(change.Action.Word()).Append(": ").Append(Html(change.Reason)).AppendLine("</summary>");
        sb.AppendLine();
        if (guards?.ProtectionOf(change) is { } protection)
        {
            sb.Append("Protected by ").Append(Escape(protection.Origin)).AppendLine(": guards stop this change.");
            sb.AppendLine();
        }

        switch (change.Action)
        {
            case PlanAction.Create:
                sb.AppendLine("| Property | Value |");
                sb.AppendLine("|---|---|");
                foreach (var (key, value) in change.DesiredInputs!)
                {
                    sb.Append("| ").Append(Cell(key)).Append(" | ").Append(Code(value)).AppendLine(" |");
                }

                break;
            case PlanAction.Update or PlanAction.Replace:
                sb.AppendLine("| Property | Old | New |");
                sb.AppendLine("|---|---|---|");
                foreach (var diff in change.Changes)
                {
                    var forces = diff.ForcesReplacement && change.Action == PlanAction.Replace ? " (forces replacement)" : string.Empty;
                    if (ValueText.RowPair(diff.Old, diff.New) is { } rows)
                    {
                        // One table row per changed item (a policy definition), never two blobs side by side.
                        for (var i = 0; i < Math.Max(rows.Old.Count, rows.New.Count); i++)
                        {
                            var before = i < rows.Old.Count ? rows.Old[i] : null;
                            var after = i < rows.New.Count ? rows.New[i] : null;
                            if (before != after)
                            {
                                sb.Append("| ").Append(Cell($"{diff.Path}[{i}]")).Append(forces).Append(" | ").Append(RowCode(before)).Append(" | ").Append(RowCode(after)).AppendLine(" |");
                            }
                        }

                        continue;
                    }

                    sb.Append("| ").Append(Cell(diff.Path)).Append(forces).Append(" | ").Append(Code(diff.Old)).Append(" | ").Append(Code(diff.New)).AppendLine(" |");
                }

                break;
            case PlanAction.Delete:
                sb.Append("Bird id: ").AppendLine(change.Current is null ? "(unknown)" : "`" + change.Current.Id + "`");
                break;
        }

        sb.AppendLine();
        sb.AppendLine("</details>");
    }

    /// <summary>The properties a reviewer should look at: what changes, or for a create every input.</summary>
    private static IEnumerable<string> Properties(PlannedChange change) => change.Action switch
    {
        PlanAction.Create => change.DesiredInputs!.Keys,
        PlanAction.Update or PlanAction.Replace => change.Changes.Select(c => c.Path),
        _ => ["(all)"],
    };

    /// <summary>A value as inline code in a table cell: a code span (its fence longer than any backtick run inside) with pipes escaped.</summary>
    private static string RowCode(string? row) => row is null ? "(none)" : CodeText(row);

    internal static string Code(PropertyValue? value) => CodeText(ValueText.Inline(value));

    private static string CodeText(string inline)
    {
        var text = inline.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        var fence = "`";
        while (text.Contains(fence, StringComparison.Ordinal))
        {
            fence += "`";
        }

        var padded = text.StartsWith('`') || text.EndsWith('`') ? " " + text + " " : text;
        return fence + padded.Replace("|", "\\|", StringComparison.Ordinal) + fence;
    }

    /// <summary>Text inside an HTML element (the summary of a details block): only what HTML itself would take as markup.</summary>
    private static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    internal static string Cell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Plain text safe in markdown: no HTML, no emphasis or links made by accident.</summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '*' or '_' or '`' or '[' or ']' or '\\':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
