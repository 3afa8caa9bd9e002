using BirdInfra.Providers.AccessPolicy;

namespace BirdInfra.Providers.Tests.Kinds;

public sealed class SubtreeCoverageTests
{
    [Theory]
    [InlineData("/workspaces/*/channels", "/workspaces/*/channels", true)]
    [InlineData("/workspaces/*/*", "/workspaces/*/channels", true)]
    [InlineData("/workspaces/**", "/workspaces/*/channels", true)]
    [InlineData("/workspaces/w1/channels", "/workspaces/*/channels", false)]
    [InlineData("/workspaces/*/channels/**", "/workspaces/*/channels", false)]
    [InlineData("/workspaces/**", "/workspaces", false)]
    public void Covers_MatchesEveryPathThePatternStandsFor(string pattern, string path, bool expected) =>
        SubtreeCoverage.Covers(pattern, path).Should().Be(expected);

    [Fact]
    public void Uncovered_NeedsTheSameEffectAndEachAction()
    {
        var definitions = new[]
        {
            new AccessPolicyDefinition("allow", ["create", "view"], ["/x/**"]),
            new AccessPolicyDefinition("allow", ["view"], ["/x"]),
            new AccessPolicyDefinition("deny", ["any"], ["/y/**", "/x"]),
        };

        SubtreeCoverage.Uncovered(definitions).Select(u => (u.Definition, u.Resource, u.Parent, string.Join(",", u.Missing)))
            .Should().Equal((0, 0, "/x", "create"), (2, 0, "/y", "create,delete,update,view"));
    }
}
