
namespace BirdInfra.Planning;

/// <summary>
/// Compares the desired graph with state (already refreshed from Bird) and decides, per resource, create,
/// update, replace, delete or nothing, with the reason and the property diffs. No I/O.
/// </summary>
public static class Planner
{
    public static PlanResult Plan(string stack, DesiredGraph graph, StackState state, KindRegistry registry)
    {
        var changes = ImmutableArray.CreateBuilder<PlannedChange>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var outcome = new Dictionary<ResourceAddress, PlanAction>();

        PropertyValue ReadOutput(OutputReference reference)
        {
            var action = outcome.GetValueOrDefault(reference.Target, PlanAction.Create);
            var existing = state.Find(reference.Target);
            if (action is PlanAction.Same or PlanAction.Update && existing?.Outputs[reference.Output] is { } known)
            {
                return known;
            }

            return InputResolver.Unknown(reference);
        }

        foreach (var declaration in DependencyOrder.Sort(graph.Resources, d => d.Address, d => d.Dependencies, registry))
        {
            var kind = registry.GetByName(declaration.Address.Kind);
            var existing = state.Find(declaration.Address);
            var inputs = InputResolver.Resolve(declaration.Inputs, ReadOutput, existing?.Inputs);
            var check = kind.Check(inputs);
            if (!check.IsValid)
            {
                foreach (var failure in check.Failures)
                {
                    diagnostics.Add(new Diagnostic(
                        "BI900",
                        $"{declaration.Address}: {failure.Message}",
                        failure.Hint,
                        declaration.Location ?? new SourceLocation(stack, 1, 1),
                        failure.Path.Length == 0 ? declaration.YamlPath : $"{declaration.YamlPath}.{failure.Path}"));
                }

                outcome[declaration.Address] = PlanAction.Create;
                continue;
            }

            var change = existing is null
                ? new PlannedChange(declaration.Address, kind.TypeToken, PlanAction.Create, "declared in the stack, not in Bird", ImmutableArray<PropertyDiff>.Empty, null, check.Inputs, declaration.Dependencies)
                : FromDiff(kind, declaration, existing, check.Inputs);
            outcome[declaration.Address] = change.Action;
            changes.Add(change);
        }

        if (diagnostics.Count > 0)
        {
            return new PlanResult(null, diagnostics.ToImmutable());
        }

        var declared = graph.Resources.Select(r => r.Address).ToHashSet();
        var removals = state.Resources.Where(r => r.Deposed || !declared.Contains(r.Address)).ToList();
        var deleteOrder = DependencyOrder.Sort(removals, r => r.Address, r => r.Dependencies, registry).Reverse();
        foreach (var resource in deleteOrder)
        {
            var kind = registry.GetByName(resource.Address.Kind);
            var reason = resource.Deposed ? "left over from a replacement or an interrupted run" : "no longer declared in the stack";
            changes.Add(new PlannedChange(resource.Address, kind.TypeToken, PlanAction.Delete, reason, ImmutableArray<PropertyDiff>.Empty, resource.Snapshot, null, resource.Dependencies, Deposed: resource.Deposed)
            {
                // A deposed object's replacement already exists: deleting it costs nothing beyond the replacement.
                Consequence = resource.Deposed ? null : kind.DestructiveConsequence(resource.Snapshot, null),
            });
        }

        return new PlanResult(new Plan(stack, changes.ToImmutable()), ImmutableArray<Diagnostic>.Empty);
    }

    private static PlannedChange FromDiff(IResourceKind kind, ResourceDeclaration declaration, StateResource existing, PropertyMap inputs)
    {
        var diff = kind.Diff(existing.Snapshot, inputs);
        return diff.Outcome switch
        {
            DiffOutcome.Same => new PlannedChange(declaration.Address, kind.TypeToken, PlanAction.Same, "up to date", ImmutableArray<PropertyDiff>.Empty, existing.Snapshot, inputs, declaration.Dependencies),
            DiffOutcome.Update => new PlannedChange(declaration.Address, kind.TypeToken, PlanAction.Update, "changed: " + string.Join(", ", diff.Changes.Select(c => c.Path)), diff.Changes, existing.Snapshot, inputs, declaration.Dependencies),
            _ => new PlannedChange(
                declaration.Address,
                kind.TypeToken,
                PlanAction.Replace,
                ReplaceReason(diff),
                diff.Changes,
                existing.Snapshot,
                inputs,
                declaration.Dependencies,
                diff.DeleteBeforeReplace,
                Consequence: kind.DestructiveConsequence(existing.Snapshot, inputs)),
        };
    }

    private static string ReplaceReason(DiffResult diff)
    {
        var forcing = diff.Changes.Where(c => c.ForcesReplacement).Select(c => c.Path).ToList();
        var what = forcing.Count > 0 ? string.Join(", ", forcing) : "a change";
        return diff.Reason is { } consequence
            ? $"{what} cannot be updated in place in Bird; {consequence}"
            : $"{what} cannot be updated in place in Bird";
    }
}
