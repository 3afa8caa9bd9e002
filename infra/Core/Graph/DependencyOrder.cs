
namespace BirdInfra.Graph;

/// <summary>
/// Orders resources so that every resource comes after what it depends on (Kahn's algorithm). Ties are broken by the
/// kinds' rank in the registry given, then by name, so the order is stable; without a registry, by the order the items
/// came in (an already ordered graph keeps its order). Creates and updates walk it forwards, deletes backwards.
/// </summary>
public static class DependencyOrder
{
    /// <summary>The natural top-down order of the registry's kinds (what a kind references comes first), from each kind's own rank.</summary>
    public static ImmutableArray<string> KindRank(KindRegistry kinds) => [.. kinds.Declarable.Select(k => k.Name)];

    /// <summary>Ties kept in the order of <paramref name="items"/>.</summary>
    public static ImmutableArray<T> Sort<T>(
        IEnumerable<T> items,
        Func<T, ResourceAddress> addressOf,
        Func<T, IEnumerable<ResourceAddress>> dependenciesOf)
    {
        var list = items.ToList();
        var position = new Dictionary<ResourceAddress, int>();
        foreach (var item in list)
        {
            position.TryAdd(addressOf(item), position.Count);
        }

        return Sort(list, addressOf, dependenciesOf, Comparer<ResourceAddress>.Create((a, b) => position[a].CompareTo(position[b])));
    }

    /// <summary>Ties broken by the kinds' rank in <paramref name="kinds"/>, then by name.</summary>
    public static ImmutableArray<T> Sort<T>(
        IEnumerable<T> items,
        Func<T, ResourceAddress> addressOf,
        Func<T, IEnumerable<ResourceAddress>> dependenciesOf,
        KindRegistry kinds) =>
        Sort(items.ToList(), addressOf, dependenciesOf, Comparer<ResourceAddress>.Create((a, b) =>
        {
            var rank = kinds.RankOf(a.Kind).CompareTo(kinds.RankOf(b.Kind));
            return rank != 0 ? rank : a.CompareTo(b);
        }));

    private static ImmutableArray<T> Sort<T>(
        List<T> list,
        Func<T, ResourceAddress> addressOf,
        Func<T, IEnumerable<ResourceAddress>> dependenciesOf,
        IComparer<ResourceAddress> comparer)
    {
        var byAddress = list.ToDictionary(addressOf);
        var waitingFor = list.ToDictionary(addressOf, i => dependenciesOf(i).Where(byAddress.ContainsKey).ToHashSet());
        var dependents = waitingFor
            .SelectMany(p => p.Value.Select(dependency => (Dependency: dependency, Dependent: p.Key)))
            .ToLookup(p => p.Dependency, p => p.Dependent);
        var result = ImmutableArray.CreateBuilder<T>(list.Count);
        var ready = new SortedSet<ResourceAddress>(waitingFor.Where(p => p.Value.Count == 0).Select(p => p.Key), comparer);
        var pending = waitingFor.Keys.ToHashSet();
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            pending.Remove(next);
            result.Add(byAddress[next]);

            // Only the resources that wait for this one are looked at, so sorting stays O(n log n + edges).
            foreach (var dependent in dependents[next])
            {
                var deps = waitingFor[dependent];
                if (deps.Remove(next) && deps.Count == 0)
                {
                    ready.Add(dependent);
                }
            }
        }

        if (pending.Count > 0)
        {
            throw new InvalidOperationException("Dependency cycle between " + string.Join(", ", pending));
        }

        return result.MoveToImmutable();
    }
}
