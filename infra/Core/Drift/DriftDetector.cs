using BirdInfra.Import;
using BirdInfra.Refresh;

namespace BirdInfra.Drift;

/// <summary>
/// Turns one reading of Bird (the listings <see cref="LiveReader"/> made, every kind listed once) into the drift report:
/// managed objects that changed or went away, and everything of the organization and workspace that no stack owns.
/// No I/O: the reading and the other stacks' ownership come in.
/// </summary>
public static class DriftDetector
{
    /// <param name="recorded">State as stored (what BirdInfra applied); <paramref name="refresh"/> is it brought up to date with Bird.</param>
    /// <param name="imported">For a stack with no BirdInfra state (applied with Pulumi): what matching declarations by natural key found.</param>
    public static DriftReport Detect(
        string stack,
        DesiredGraph graph,
        StackState recorded,
        RefreshResult refresh,
        KindRegistry registry,
        DriftContext context,
        ImportPlan? imported = null)
    {
        var owned = recorded.Resources.Select(r => r.Id)
            .Concat(refresh.State.Resources.Select(r => r.Id))
            .ToHashSet(StringComparer.Ordinal);
        ImmutableArray<DriftedObject> drifted;
        if (imported is null)
        {
            drifted = FromState(refresh, registry);
        }
        else
        {
            owned.UnionWith(imported.Entries.SelectMany(e => e.Candidates));
            drifted = FromDeclarations(stack, graph, refresh.State, registry, imported);
        }

        var beside = ImmutableArray.CreateBuilder<BesideObject>();
        var besideContext = new BesideContext(registry, refresh.Listings, context.Target.OrganizationId, context.Target.WorkspaceId, context.IsDeployKeySuffix);
        var ignored = 0;
        foreach (var kind in registry.Declarable)
        {
            foreach (var live in refresh.Listings.GetValueOrDefault(kind.Name) ?? [])
            {
                if (owned.Contains(live.Id) || context.OwnedElsewhere.Contains(live.Id))
                {
                    continue;
                }

                // What the object is and weighs, its kind says; a kind that declares nothing gives its name, info.
                var description = kind.Beside?.Describe(live, besideContext) ?? BesideDescription.Default(live);
                if (context.IsIgnored(kind.Name, live.Id, description.Name))
                {
                    ignored++;
                    continue;
                }

                beside.Add(new BesideObject(
                    kind.Name,
                    live.Id,
                    description.Name,
                    description.Severity,
                    description.DeployKey ? "the deploy key: " + description.Detail : description.Detail,
                    description.DeployKey));
            }
        }

        return new DriftReport(stack, drifted, beside.ToImmutable(), ignored);
    }

    /// <summary>What the reading of Bird found against state: objects deleted, and changed property by property.</summary>
    private static ImmutableArray<DriftedObject> FromState(RefreshResult refresh, KindRegistry registry)
    {
        var drifted = ImmutableArray.CreateBuilder<DriftedObject>();
        foreach (var entry in refresh.Drift)
        {
            if (entry.Description == DriftEntry.DeletedOutside)
            {
                drifted.Add(new DriftedObject(entry.Address.Kind, entry.Address.Name, entry.Id, DriftSeverities.OfDeleted(), true, []));
                continue;
            }

            // Adopted and orphaned objects of an interrupted run are owned, not drift: `up` settles them.
            if (entry.Description != DriftEntry.ChangedOutside)
            {
                continue;
            }

            var changes = Visible(entry.Changes.Select(c => new DriftChange(c.Path, c.Old, c.New)));
            if (!changes.IsEmpty)
            {
                drifted.Add(new DriftedObject(entry.Address.Kind, entry.Address.Name, entry.Id, DriftSeverities.OfChanges(registry.FindByName(entry.Address.Kind), changes), false, changes));
            }
        }

        return drifted.ToImmutable();
    }

    /// <summary>
    /// A stack without BirdInfra state: the objects matching its declarations by natural key are managed, and compared
    /// with the declarations (the plan `up` would make after an import); a declaration nothing matches is deleted.
    /// </summary>
    private static ImmutableArray<DriftedObject> FromDeclarations(string stack, DesiredGraph graph, StackState state, KindRegistry registry, ImportPlan imported)
    {
        var adoptedState = Importer.Record(state, imported);
        var plan = Planner.Plan(stack, graph, adoptedState, registry).Plan;
        var drifted = ImmutableArray.CreateBuilder<DriftedObject>();
        foreach (var change in plan?.Changes ?? [])
        {
            switch (change.Action)
            {
                case PlanAction.Create:
                    drifted.Add(new DriftedObject(change.Address.Kind, change.Address.Name, string.Empty, DriftSeverities.OfDeleted(), true, []));
                    break;
                case PlanAction.Update or PlanAction.Replace:
                    var changes = Visible(change.Changes.Select(c => new DriftChange(c.Path, c.New, c.Old)));
                    if (!changes.IsEmpty)
                    {
                        drifted.Add(new DriftedObject(change.Address.Kind, change.Address.Name, change.Current?.Id ?? string.Empty, DriftSeverities.OfChanges(registry.FindByName(change.Address.Kind), changes), false, changes));
                    }

                    break;
            }
        }

        return drifted.ToImmutable();
    }

    /// <summary>
    /// The changes an auditor must see. A write-only secret is never a difference (Bird does not echo it, so a side
    /// holding one says nothing), and neither is a value Bird normalises (<see cref="BirdEquivalence"/>).
    /// </summary>
    private static ImmutableArray<DriftChange> Visible(IEnumerable<DriftChange> changes) =>
        [.. changes.Where(c => !(c.Expected?.ContainsSecret ?? false) && !(c.Actual?.ContainsSecret ?? false)
            && !(c.Expected?.ContainsUnknown ?? false) && !(c.Actual?.ContainsUnknown ?? false)
            && !BirdEquivalence.Same(c.Expected, c.Actual))];
}
