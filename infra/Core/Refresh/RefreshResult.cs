using System.Collections.Immutable;
using BirdInfra.State;

namespace BirdInfra.Refresh;

/// <summary>State brought up to date with Bird, what differed, and how many list calls it took.</summary>
public sealed record RefreshResult(StackState State, ImmutableArray<DriftEntry> Drift, int ListedKinds);
