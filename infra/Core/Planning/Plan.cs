using BirdInfra.Providers.Graph;
using System.Collections.Immutable;
using BirdInfra.Graph;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Planning;

/// <summary>
/// The immutable result of planning: every change in apply order (creates, updates and replacements
/// top-down, then deletions bottom-up). <see cref="Unknowns"/> maps placeholder values in desired inputs
/// to the outputs they stand for.
/// </summary>
public sealed record Plan(
    string Stack,
    ImmutableArray<PlannedChange> Changes,
    ImmutableDictionary<string, OutputReference> Unknowns)
{
    public PlanSummary Summary { get; } = new(
        Changes.Count(c => c.Action == PlanAction.Create),
        Changes.Count(c => c.Action == PlanAction.Update),
        Changes.Count(c => c.Action == PlanAction.Replace),
        Changes.Count(c => c.Action == PlanAction.Delete),
        Changes.Count(c => c.Action == PlanAction.Same));

    /// <summary>A value for display: placeholders of outputs not yet known become "(known after apply)".</summary>
    public PropertyValue Display(PropertyValue value) =>
        InputResolver.Substitute(value, text => Unknowns.ContainsKey(text) ? PropertyValue.Unknown : null);

    public PropertyMap Display(PropertyMap map) =>
        InputResolver.Substitute(map, text => Unknowns.ContainsKey(text) ? PropertyValue.Unknown : null);
}
