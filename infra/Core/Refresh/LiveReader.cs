using BirdInfra.Providers.Graph;
using System.Collections.Immutable;
using BirdInfra.Graph;
using BirdInfra.Providers.Kinds;
using BirdInfra.State;

namespace BirdInfra.Refresh;

/// <summary>
/// Reads what Bird holds for the objects state owns, one list call sequence per kind (pages of 100)
/// instead of a GET per object, and reconciles: gone objects leave state, changed ones are recorded,
/// and objects of interrupted creates (journaled as pending) are adopted or marked for deletion.
/// </summary>
public static class LiveReader
{
    public static async Task<RefreshResult> ReadAsync(StackState state, KindRegistry registry, ProviderContext context, CancellationToken cancellationToken)
    {
        var kindNames = state.Resources.Select(r => r.Address.Kind)
            .Concat(state.Pending.Select(p => p.Address.Kind))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var listings = new Dictionary<string, IReadOnlyList<ResourceSnapshot>>(StringComparer.Ordinal);
        foreach (var kindName in kindNames)
        {
            listings[kindName] = await registry.GetByName(kindName).ListAsync(context, cancellationToken);
        }

        var drift = ImmutableArray.CreateBuilder<DriftEntry>();
        var current = state;
        foreach (var resource in state.Resources)
        {
            var kind = registry.GetByName(resource.Address.Kind);
            var live = listings[resource.Address.Kind].FirstOrDefault(l => l.Id == resource.Id);
            if (live is null)
            {
                drift.Add(new DriftEntry(resource.Address, resource.Id, "deleted outside BirdInfra", ImmutableArray<PropertyDiff>.Empty));
                current = current.WithoutResource(resource.Address, resource.Id);
                continue;
            }

            var merged = kind.MergeLive(resource.Snapshot, live);
            var diff = kind.Diff(resource.Snapshot, merged.Inputs);
            if (diff.Outcome != DiffOutcome.Same)
            {
                drift.Add(new DriftEntry(resource.Address, resource.Id, "changed outside BirdInfra", diff.Changes));
            }

            if (!merged.Inputs.Equals(resource.Inputs) || !merged.Outputs.Equals(resource.Outputs))
            {
                current = current.WithResource(resource with { Inputs = merged.Inputs, Outputs = merged.Outputs });
            }
        }

        foreach (var pending in state.Pending)
        {
            current = Recover(current, pending, registry.GetByName(pending.Address.Kind), listings[pending.Address.Kind], drift);
        }

        return new RefreshResult(current, drift.ToImmutable(), listings.Count);
    }

    private static StackState Recover(StackState state, PendingOperation pending, IResourceKind kind, IReadOnlyList<ResourceSnapshot> live, ImmutableArray<DriftEntry>.Builder drift)
    {
        if (pending.Operation == "create")
        {
            var owned = state.Resources.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var candidate in live.Where(l => !owned.Contains(l.Id) && kind.NaturalKey(l.Inputs) == pending.NaturalKey))
            {
                // An object whose secret outputs exist only in the create response (an access key's token)
                // cannot be adopted: nobody has its token. It is deleted and created again instead.
                var adoptable = state.Find(pending.Address) is null && !AdoptionRules.HasCreateOnlySecret(kind);
                if (adoptable)
                {
                    drift.Add(new DriftEntry(pending.Address, candidate.Id, "adopted: created by an interrupted run", ImmutableArray<PropertyDiff>.Empty));
                    state = state.WithResource(new StateResource(pending.Address, candidate.Id, candidate.Inputs, candidate.Outputs, ImmutableArray<ResourceAddress>.Empty));
                }
                else
                {
                    drift.Add(new DriftEntry(pending.Address, candidate.Id, "orphan of an interrupted run: will be deleted", ImmutableArray<PropertyDiff>.Empty));
                    state = state.WithResource(new StateResource(pending.Address, candidate.Id, candidate.Inputs, candidate.Outputs, ImmutableArray<ResourceAddress>.Empty, Deposed: true));
                }
            }
        }

        return state.WithoutPending(pending);
    }
}
