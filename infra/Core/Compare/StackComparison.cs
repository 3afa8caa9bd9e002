
namespace BirdInfra.Compare;

/// <summary>What differs between two stacks (left and right), each difference marked expected or not.</summary>
public sealed record StackComparison(
    string Left,
    string Right,
    ImmutableArray<PropertyDifference> Differences,
    ImmutableArray<OnlyInOneStack> OnlyInLeft,
    ImmutableArray<OnlyInOneStack> OnlyInRight)
{
    /// <summary>Differences no <c>compare.expect</c> of either stack lists: what <c>--detailed-exitcode</c> counts.</summary>
    public int Unexpected =>
        Differences.Count(d => !d.Expected) + OnlyInLeft.Count(o => !o.Expected) + OnlyInRight.Count(o => !o.Expected);

    public int Total => Differences.Length + OnlyInLeft.Length + OnlyInRight.Length;
}
