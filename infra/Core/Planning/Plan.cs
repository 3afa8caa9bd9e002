
namespace BirdInfra.Planning;

/// <summary>
/// The immutable result of planning: every change in apply order (creates, updates and replacements
/// top-down, then deletions bottom-up). Outputs not known until apply are unknown values in the desired
/// inputs that name the output they stand for (<see cref="Providers.Properties.PropertyValue.StandsFor"/>).
/// </summary>
public sealed record Plan(string Stack, ImmutableArray<PlannedChange> Changes)
{
    public PlanSummary Summary { get; } = new(
        Changes.Count(c => c.Action == PlanAction.Create),
        Changes.Count(c => c.Action == PlanAction.Update),
        Changes.Count(c => c.Action == PlanAction.Replace),
        Changes.Count(c => c.Action == PlanAction.Delete),
        Changes.Count(c => c.Action == PlanAction.Same));
}
