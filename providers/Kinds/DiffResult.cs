
namespace BirdInfra.Providers.Kinds;

/// <summary>
/// The outcome of comparing recorded state with desired inputs. <see cref="DeleteBeforeReplace"/> is set
/// when the new object could not coexist with the old one in Bird (same unique natural key).
/// </summary>
public sealed record DiffResult(DiffOutcome Outcome, ImmutableArray<PropertyDiff> Changes, bool DeleteBeforeReplace = false)
{
    public static readonly DiffResult Same = new(DiffOutcome.Same, ImmutableArray<PropertyDiff>.Empty);

    /// <summary>
    /// What the outcome entails that the changes do not show, e.g. "this rotates the access key's token"; a plan
    /// adds it to the reason it gives for the change. Null when the changes say it all.
    /// </summary>
    public string? Reason { get; init; }
}
