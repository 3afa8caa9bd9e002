using System.Collections.Immutable;
using BirdInfra.Providers.Graph;
using BirdInfra.Providers.Kinds;

namespace BirdInfra.Graph;

/// <summary>
/// Orders resources so that every resource comes after what it depends on (Kahn's algorithm, ties
/// broken by kind rank then name so the order is stable). Creates and updates walk it forwards,
/// deletes backwards.
/// </summary>
public static class DependencyOrder
{
    /// <summary>The natural top-down order of Bird kinds (what a kind references comes first), from each kind's own rank.</summary>
    public static readonly ImmutableArray<string> KindRank = [.. BirdKinds.Default.Declarable.Select(k => k.Name)];

    public static ImmutableArray<T> Sort<T>(
        IEnumerable<T> items,
        Func<T, ResourceAddress> addressOf,
        Func<T, IEnumerable<ResourceAddress>> dependenciesOf)
    {
        var list = items.ToList();
        var byAddress = list.ToDictionary(addressOf);
        var waitingFor = list.ToDictionary(addressOf, i => dependenciesOf(i).Where(byAddress.ContainsKey).ToHashSet());
        var dependents = waitingFor
            .SelectMany(p => p.Value.Select(dependency => (Dependency: dependency, Dependent: p.Key)))
            .ToLookup(p => p.Dependency, p => p.Dependent);
        var result = ImmutableArray.CreateBuilder<T>(list.Count);
        var comparer = Comparer<ResourceAddress>.Create(Compare);
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

    private static int Compare(ResourceAddress a, ResourceAddress b)
    {
        var rank = Rank(a.Kind).CompareTo(Rank(b.Kind));
        return rank != 0 ? rank : a.CompareTo(b);
    }

    private static int Rank(string kind)
    {
        var index = KindRank.IndexOf(kind);
        return index < 0 ? int.MaxValue : index;
    }
}
