using System.Collections.Immutable;

namespace BirdInfra.Providers.Kinds;

/// <summary>
/// The outcome of comparing recorded state with desired inputs. <see cref="DeleteBeforeReplace"/> is set
/// when the new object could not coexist with the old one in Bird (same unique natural key).
/// </summary>
public sealed record DiffResult(DiffOutcome Outcome, ImmutableArray<PropertyDiff> Changes, bool DeleteBeforeReplace = false)
{
    public static readonly DiffResult Same = new(DiffOutcome.Same, ImmutableArray<PropertyDiff>.Empty);

    /// <summary>Why the kind chose this outcome when it is not obvious from the changes, e.g. "token rotation".</summary>
    public string? Reason { get; init; }
}
