using BirdInfra.Providers.Kinds.Recovery;

namespace BirdInfra.Refresh;

/// <summary>
/// Reads what Bird holds for the objects state owns, one list call sequence per kind (pages of 100)
/// instead of a GET per object, and reconciles: gone objects leave state, changed ones are recorded,
/// and objects of interrupted creates (journaled as pending) are adopted or marked for deletion; several candidates
/// for one create stop the command, naming them.
/// </summary>
public static class LiveReader
{
    /// <param name="parallelism">How many kinds are listed at once (`--parallel`); 1 lists them one after the other.</param>
    /// <param name="alsoList">Kinds to list even when state owns none of them (`drift` reads every kind the organization and workspace hold).</param>
    public static async Task<RefreshResult> ReadAsync(StackState state, KindRegistry registry, ProviderContext context, CancellationToken cancellationToken, int parallelism = 1, IEnumerable<string>? alsoList = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var kindNames = state.Resources.Select(r => r.Address.Kind)
            .Concat(state.Pending.Select(p => p.Address.Kind))
            .Concat(alsoList ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var listed = new IReadOnlyList<ResourceSnapshot>[kindNames.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, kindNames.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, token) => listed[index] = await registry.GetByName(kindNames[index]).ListAsync(context, token));
        var listings = kindNames.Zip(listed).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

        // By id, so matching N owned objects against their listings stays linear.
        var liveById = listings.ToDictionary(
            p => p.Key,
            p => p.Value.GroupBy(l => l.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
            StringComparer.Ordinal);

        // One pass, one new array: changing the state object by object would copy all N resources N times.
        var drift = ImmutableArray.CreateBuilder<DriftEntry>();
        var resources = ImmutableArray.CreateBuilder<StateResource>(state.Resources.Length);
        var changes = 0;
        foreach (var resource in state.Resources)
        {
            var kind = registry.GetByName(resource.Address.Kind);
            var live = liveById[resource.Address.Kind].GetValueOrDefault(resource.Id);
            if (live is null)
            {
                drift.Add(new DriftEntry(resource.Address, resource.Id, DriftEntry.DeletedOutside, ImmutableArray<PropertyDiff>.Empty));
                changes++;
                continue;
            }

            var merged = kind.MergeLive(resource.Snapshot, live);
            var diff = kind.Diff(resource.Snapshot, merged.Inputs);
            if (diff.Outcome != DiffOutcome.Same)
            {
                drift.Add(new DriftEntry(resource.Address, resource.Id, DriftEntry.ChangedOutside, diff.Changes));
            }

            if (!merged.Inputs.Equals(resource.Inputs) || !merged.Outputs.Equals(resource.Outputs))
            {
                resources.Add(resource with { Inputs = merged.Inputs, Outputs = merged.Outputs });
                changes++;
            }
            else
            {
                resources.Add(resource);
            }
        }

        // The serial moves on once per object changed, as recording each change on its own would.
        var current = changes == 0 ? state : state with { Serial = state.Serial + changes, Resources = resources.ToImmutable() };
        foreach (var pending in state.Pending)
        {
            current = Recover(current, pending, registry.GetByName(pending.Address.Kind), listings[pending.Address.Kind], drift);
        }

        return new RefreshResult(current, drift.ToImmutable(), listings.Count) { Listings = listings };
    }

    /// <summary>
    /// Settles a create an interrupted run journaled, by the rule every create recovery follows, carried out by
    /// <see cref="CreateRecoveryExecutor"/> with a host that only records into state: refresh sends nothing to Bird.
    /// </summary>
    private static StackState Recover(StackState state, PendingOperation pending, IResourceKind kind, IReadOnlyList<ResourceSnapshot> live, ImmutableArray<DriftEntry>.Builder drift)
    {
        if (pending.Operation != "create")
        {
            return state.WithoutPending(pending);
        }

        var owned = state.Resources.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var host = new RecordingRecoveryHost(
            Record: found =>
            {
                if (state.Find(pending.Address) is not null)
                {
                    // The address holds an object already, so this one is a stray copy: deleted like a replacement's old half.
                    state = Depose(state, pending, found, drift);
                    return;
                }

                drift.Add(new DriftEntry(pending.Address, found.Id, "adopted: created by an interrupted run", ImmutableArray<PropertyDiff>.Empty));
                state = state.WithResource(new StateResource(pending.Address, found.Id, found.Inputs, found.Outputs, ImmutableArray<ResourceAddress>.Empty));
            },
            DeleteLater: found => state = Depose(state, pending, found, drift));
        if (CreateRecoveryExecutor.Settle(kind, live, pending.NaturalKey, owned, host) is Ambiguous ambiguous)
        {
            throw new StateException($"The create of {pending.Address} that an interrupted run journaled cannot be settled: {ambiguous.Problem} Nothing was sent to Bird.");
        }

        return state.WithoutPending(pending);
    }

    private static StackState Depose(StackState state, PendingOperation pending, ResourceSnapshot orphan, ImmutableArray<DriftEntry>.Builder drift)
    {
        drift.Add(new DriftEntry(pending.Address, orphan.Id, "orphan of an interrupted run: will be deleted", ImmutableArray<PropertyDiff>.Empty));
        return state.WithResource(new StateResource(pending.Address, orphan.Id, orphan.Inputs, orphan.Outputs, ImmutableArray<ResourceAddress>.Empty, Deposed: true));
    }
}
