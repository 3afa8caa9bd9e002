using BirdInfra.Commands;

namespace BirdInfra.Tests.Compare;

/// <summary>The exit code of a many-stack run follows cli-conventions.md: 1 wins, then 2, then 3, else 0.</summary>
public sealed class ManyStacksExitCodeTests
{
    [Theory]
    [InlineData(new[] { 0, 0 }, 0)]
    [InlineData(new[] { 0, 3 }, 3)]
    [InlineData(new[] { 3, 2, 0 }, 2)]
    [InlineData(new[] { 2, 1, 3 }, 1)]
    public void Combined_FollowsTheConventionsOrder(int[] codes, int expected) =>
        ManyStacksCommand.Combined(codes).Should().Be(expected);
}
