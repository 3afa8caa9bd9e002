using System.Text;

namespace BirdInfra.Rendering;

/// <summary>
/// The human preview: one block per changed resource (+ create, ~ update, -/+ replace, - delete), old → new per
/// property, then a summary line; with a guard report, protected changes are marked and the guards that stop
/// the run are listed at the end.
/// </summary>
public static class PlanTextRenderer
{
    /// <param name="palette">Colours for a terminal; plain when null.</param>
    public static string Render(Plan plan, GuardReport? guards = null, TextPalette? palette = null)
    {
        using var text = new StringWriter();
        Write(text, plan, guards, palette);
        return text.ToString();
    }

    /// <summary>Writes the preview block by block, so a plan of thousands of resources is never held as one string.</summary>
    /// <param name="palette">Colours for a terminal; plain when null.</param>
    public static void Write(TextWriter writer, Plan plan, GuardReport? guards = null, TextPalette? palette = null)
    {
        palette ??= TextPalette.Plain;
        var sb = new StringBuilder();
        sb.AppendLine($"Stack {plan.Stack}");
        var changed = plan.Changes.Where(c => c.Action != PlanAction.Same).ToList();
        if (changed.Count == 0)
        {
            sb.AppendLine();
            sb.AppendLine(palette.Dim("No changes. Bird matches the stack."));
        }

        foreach (var change in changed)
        {
            writer.Write(sb);
            sb.Clear();
            sb.AppendLine();
            sb.Append("  ").Append(palette.Paint(change.Action, $"{change.Action.Symbol()} {change.Address}"))
                .Append("  (").Append(change.Action.Word()).Append(": ").Append(change.Reason).AppendLine(")");
            if (guards?.ProtectionOf(change) is { } protection)
            {
                sb.Append("      ! PROTECTED by ").Append(protection.Origin).AppendLine(": guards stop this change");
            }

            switch (change.Action)
            {
                case PlanAction.Create:
                    foreach (var (key, value) in change.DesiredInputs!)
                    {
                        ValueText.AppendProperty(sb, "      ", key, value);
                    }

                    break;
                case PlanAction.Update or PlanAction.Replace:
                    foreach (var diff in change.Changes)
                    {
                        var forces = diff.ForcesReplacement && change.Action == PlanAction.Replace ? "  (forces replacement)" : string.Empty;
                        if (ValueText.RowPair(diff.Old, diff.New) is { } rows)
                        {
                            // One line per row, '-' before and '+' after where a row changed: never two blobs side by side.
                            sb.Append("      ").Append(diff.Path).Append(':').AppendLine(forces);
                            for (var i = 0; i < Math.Max(rows.Old.Count, rows.New.Count); i++)
                            {
                                var before = i < rows.Old.Count ? rows.Old[i] : null;
                                var after = i < rows.New.Count ? rows.New[i] : null;
                                if (before == after)
                                {
                                    sb.Append("          [").Append(i).Append("] ").AppendLine(before);
                                    continue;
                                }

                                if (before is not null)
                                {
                                    sb.Append("        - [").Append(i).Append("] ").AppendLine(before);
                                }

                                if (after is not null)
                                {
                                    sb.Append("        + [").Append(i).Append("] ").AppendLine(after);
                                }
                            }

                            continue;
                        }

                        sb.Append("      ").Append(diff.Path).Append(": ")
                            .Append(ValueText.Inline(diff.Old)).Append(" → ").Append(ValueText.Inline(diff.New));
                        sb.AppendLine(forces);
                    }

                    break;
                case PlanAction.Delete when change.Current is not null:
                    sb.Append("      id: ").AppendLine(change.Current.Id);
                    break;
            }
        }

        sb.AppendLine();
        sb.AppendLine(SummaryLine(plan.Summary, palette));
        if (guards is not null)
        {
            AppendGuards(sb, guards);
        }

        writer.Write(sb);
    }

    private static void AppendGuards(StringBuilder sb, GuardReport guards)
    {
        if (guards.LimitOverridden)
        {
            sb.AppendLine();
            sb.AppendLine($"Guards: {GuardCheck.Resources(guards.DestructiveChanges)} to delete or replace, more than guards.maxDestructiveChanges ({guards.Limit}); allowed by --allow-destructive-changes.");
        }

        if (!guards.Stops)
        {
            return;
        }

        sb.AppendLine();
        sb.AppendLine("Guards stop this run; nothing is sent to Bird:");
        foreach (var violation in guards.Violations)
        {
            sb.Append("  ! ").AppendLine(violation.Message);
            sb.Append("      ").Append(violation.Rule == GuardRule.Protected ? "protected by " : "set by ").AppendLine(violation.Origin);
            sb.Append("      hint: ").AppendLine(violation.Hint);
        }
    }

    public static string SummaryLine(PlanSummary s) => SummaryLine(s, TextPalette.Plain);

    public static string SummaryLine(PlanSummary s, TextPalette palette) =>
        $"Plan: {palette.Paint(PlanAction.Create, $"{s.Create} to create")}, {palette.Paint(PlanAction.Update, $"{s.Update} to update")}, "
        + $"{palette.Paint(PlanAction.Replace, $"{s.Replace} to replace")}, {palette.Paint(PlanAction.Delete, $"{s.Delete} to delete")}, {palette.Dim($"{s.Same} unchanged")}.";
}
