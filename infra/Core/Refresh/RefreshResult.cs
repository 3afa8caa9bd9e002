
namespace BirdInfra.Refresh;

/// <summary>State brought up to date with Bird, what differed, and how many list calls it took.</summary>
public sealed record RefreshResult(StackState State, ImmutableArray<DriftEntry> Drift, int ListedKinds)
{
    /// <summary>What each listed kind's list answered, by kind name (every object Bird holds, owned or not).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ResourceSnapshot>> Listings { get; init; } = new Dictionary<string, IReadOnlyList<ResourceSnapshot>>();
}
