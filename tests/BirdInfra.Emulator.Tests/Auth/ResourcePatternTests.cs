using BirdInfra.Emulator.Auth;

namespace BirdInfra.Emulator.Tests.Auth;

public sealed class ResourcePatternTests
{
    [Theory]
    [InlineData("/workspaces/*/channels", "/workspaces/w1/channels", true)]
    [InlineData("/workspaces/*/channels", "/workspaces/w1/channels/c1", false)]
    [InlineData("/workspaces/*/channels/*", "/workspaces/w1/channels", false)]
    [InlineData("/workspaces/*/channels/**", "/workspaces/w1/channels/c1", true)]
    [InlineData("/workspaces/*/channels/**", "/workspaces/w1/channels/c1/messages/m1", true)]
    [InlineData("/**", "/anything/at/all", true)]
    [InlineData("/workspaces/w1", "/workspaces/w2", false)]
    [InlineData("/workspaces/*/verify", "/workspaces/w1/verify/", true)]
    public void Matches_FollowsTheDocumentedWildcards(string pattern, string path, bool expected) =>
        ResourcePattern.Matches(pattern, path).Should().Be(expected);

    [Theory]
    [InlineData("/workspaces/*/channels/**", "/workspaces/w1/channels")]
    [InlineData("/workspaces/*/channels/**", "/workspaces/w1/channels/")]
    [InlineData("/workspaces/**", "/workspaces")]
    [InlineData("/**", "/")]
    public void Matches_DoubleStarMeansChildPathsOnly_NotTheParentItself(string pattern, string path) =>
        ResourcePattern.Matches(pattern, path).Should().BeFalse("Bird's docs: '**' matches all child paths; a policy relying on more passes here and gets 403 on Bird");

    [Theory]
    [InlineData("/organizations/{organizationId}/x")]
    [InlineData("/organizations/${org}/x")]
    [InlineData("workspaces/*")]
    [InlineData("/workspaces/ab*")]
    public void Problem_RejectsPlaceholdersAndPartialWildcards(string pattern) =>
        ResourcePattern.Problem(pattern).Should().NotBeNull();
}
