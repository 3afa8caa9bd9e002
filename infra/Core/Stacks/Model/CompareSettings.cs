
namespace BirdInfra.Stacks.Model;

/// <summary>The <c>compare</c> setting: the differences with another stack this one expects (BirdInfra-only, never sent to Bird).</summary>
public sealed record CompareSettings(ImmutableArray<CompareExpectation> Expect)
{
    public static CompareSettings None { get; } = new([]);
}
