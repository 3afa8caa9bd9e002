using System.Text;
using BirdInfra.Planning;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Rendering;

/// <summary>The human preview: one block per changed resource (+ create, ~ update, -/+ replace, - delete), old → new per property, then a summary line.</summary>
public static class PlanTextRenderer
{
    public static string Render(Plan plan)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Stack {plan.Stack}");
        var changed = plan.Changes.Where(c => c.Action != PlanAction.Same).ToList();
        if (changed.Count == 0)
        {
            sb.AppendLine();
            sb.AppendLine("No changes. Bird matches the stack.");
        }

        foreach (var change in changed)
        {
            sb.AppendLine();
            sb.Append("  ").Append(Symbol(change.Action)).Append(' ').Append(change.Address)
                .Append("  (").Append(Word(change.Action)).Append(": ").Append(change.Reason).AppendLine(")");
            switch (change.Action)
            {
                case PlanAction.Create:
                    foreach (var (key, value) in plan.Display(change.DesiredInputs!))
                    {
                        ValueText.AppendProperty(sb, "      ", key, value);
                    }

                    break;
                case PlanAction.Update or PlanAction.Replace:
                    foreach (var diff in change.Changes)
                    {
                        var newValue = diff.New is null ? null : plan.Display(diff.New);
                        sb.Append("      ").Append(diff.Path).Append(": ")
                            .Append(ValueText.Inline(diff.Old)).Append(" → ").Append(ValueText.Inline(newValue));
                        sb.AppendLine(diff.ForcesReplacement && change.Action == PlanAction.Replace ? "  (forces replacement)" : string.Empty);
                    }

                    break;
                case PlanAction.Delete when change.Current is not null:
                    sb.Append("      id: ").AppendLine(change.Current.Id);
                    break;
            }
        }

        sb.AppendLine();
        sb.AppendLine(SummaryLine(plan.Summary));
        return sb.ToString();
    }

    public static string SummaryLine(PlanSummary s) =>
        $"Plan: {s.Create} to create, {s.Update} to update, {s.Replace} to replace, {s.Delete} to delete, {s.Same} unchanged.";

    private static string Symbol(PlanAction action) => action switch
    {
        PlanAction.Create => "+",
        PlanAction.Update => "~",
        PlanAction.Replace => "-/+",
        PlanAction.Delete => "-",
        _ => " ",
    };

    private static string Word(PlanAction action) => action.ToString().ToLowerInvariant();
}
