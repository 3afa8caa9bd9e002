using System.Collections.Immutable;
using BirdInfra.Providers.AccessEvaluation;

namespace BirdInfra.Providers.Tests.AccessEvaluation;

/// <summary>The product's reading of Bird's IAM rules, one rule per test (the live comparison with the emulator is AccessEmulatorAgreementTests).</summary>
public sealed class AccessEvaluatorTests
{
    private const string Ws = "0b5c2a1e-0000-4000-8000-000000000001";
    private const string OtherWs = "0b5c2a1e-0000-4000-8000-000000000002";

    private static AccessRule Rule(string effect, string actions, params string[] resources) =>
        new(effect, [.. actions.Split(',')], [.. resources], new AccessSource("role", "policy", 0, null));

    private static AccessSubject Key(params AccessRule[] rules) => Scoped([], rules);

    private static AccessSubject Scoped(ImmutableArray<string> workspaces, params AccessRule[] rules) =>
        new("key", [new AccessRoleGrant("role", workspaces, [new AccessPolicyGrant("policy", [.. rules])])]);

    [Theory]
    [InlineData("POST", "create")]
    [InlineData("GET", "view")]
    [InlineData("HEAD", "view")]
    [InlineData("OPTIONS", "view")]
    [InlineData("PUT", "update")]
    [InlineData("PATCH", "update")]
    [InlineData("DELETE", "delete")]
    [InlineData("get", "view")]
    public void Method_MapsToTheDocumentedAction(string method, string action) => AccessActions.ForMethod(method).Should().Be(action);

    [Fact]
    public void Method_WhenNotNamedByBird_IsNeverAllowed()
    {
        AccessActions.ForMethod("TRACE").Should().BeNull();
        AccessEvaluator.Decide(Key(Rule("allow", "any", "/**")), "TRACE", "/x").Verdict.Should().Be(AccessVerdict.Denied);
    }

    [Theory]
    [InlineData("/workspaces/*/channels", "/workspaces/w/channels", true)]
    [InlineData("/workspaces/*/channels", "/workspaces/w/channels/c", false)]
    [InlineData("/workspaces/*", "/workspaces", false)]
    [InlineData("/workspaces/**", "/workspaces/w", true)]
    [InlineData("/workspaces/**", "/workspaces/w/channels/c/messages", true)]
    [InlineData("/workspaces/**", "/workspaces", false)]
    [InlineData("/workspaces/**/messages", "/workspaces/w/channels/c/messages", true)]
    [InlineData("/workspaces/**/messages", "/workspaces/messages", false)]
    [InlineData("/workspaces/*/channels", "/workspaces/w/channels/", true)]
    [InlineData("/a/b", "/a/B", false)]
    public void Pattern_StarIsOneSegment_DoubleStarOneOrMoreChildren(string pattern, string path, bool matches) =>
        AccessPath.Matches(pattern, path).Should().Be(matches);

    [Fact]
    public void Deny_WinsOverAllow_AndNamesTheDeny()
    {
        var deny = Rule("deny", "delete", "/workspaces/*/connectors/*");
        var key = Key(Rule("allow", "any", "/workspaces/**"), deny);

        var decision = AccessEvaluator.Decide(key, "DELETE", "/workspaces/w/connectors/c");

        decision.Verdict.Should().Be(AccessVerdict.Denied);
        decision.DecidedBy.Should().BeSameAs(deny);
        AccessEvaluator.Decide(key, "GET", "/workspaces/w/connectors/c").IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void NothingAllowed_IsDeniedByDefault_WithNoDecidingRule()
    {
        var decision = AccessEvaluator.Decide(Key(Rule("allow", "view", "/workspaces/*/channels")), "POST", "/workspaces/w/channels");

        decision.Should().Be(new AccessDecision(AccessVerdict.Denied, null, null));
    }

    [Fact]
    public void Any_CoversEveryAction()
    {
        var key = Key(Rule("allow", "any", "/x"));
        foreach (var method in new[] { "POST", "GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE" })
        {
            AccessEvaluator.Decide(key, method, "/x").IsAllowed.Should().BeTrue(method);
        }
    }

    [Fact]
    public void ScopedRole_AppliesOnlyInsideItsWorkspaces()
    {
        var key = Scoped([Ws], Rule("allow", "view", "/workspaces/*/channels", "/organizations/o/workspaces/*/webhook-subscriptions", "/organizations/o/iam-roles"));

        AccessEvaluator.Decide(key, "GET", $"/workspaces/{Ws}/channels").IsAllowed.Should().BeTrue();
        AccessEvaluator.Decide(key, "GET", $"/organizations/o/workspaces/{Ws}/webhook-subscriptions").IsAllowed.Should().BeTrue();
        AccessEvaluator.Decide(key, "GET", $"/workspaces/{OtherWs}/channels").IsAllowed.Should().BeFalse();
        AccessEvaluator.Decide(key, "GET", "/organizations/o/iam-roles").IsAllowed.Should().BeFalse("a scoped role does not apply outside every workspace");
    }

    [Fact]
    public void TwoRoles_DenyOfOneBeatsAllowOfTheOther_OnlyWhereTheDenyingRoleApplies()
    {
        var allow = new AccessRoleGrant("sender", [], [new AccessPolicyGrant("p1", [Rule("allow", "any", "/workspaces/**")])]);
        var deny = new AccessRoleGrant("guard", [Ws], [new AccessPolicyGrant("p2", [Rule("deny", "create", "/workspaces/*/channels/*/messages")])]);
        var key = new AccessSubject("key", [allow, deny]);

        AccessEvaluator.Decide(key, "POST", $"/workspaces/{Ws}/channels/c/messages").IsAllowed.Should().BeFalse();
        AccessEvaluator.Decide(key, "POST", $"/workspaces/{OtherWs}/channels/c/messages").IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void UnknownPolicy_IsUnknown_UnlessAKnownDenyDecides()
    {
        var key = new AccessSubject("key", [new AccessRoleGrant("r", [], [
            new AccessPolicyGrant("p", [Rule("allow", "view", "/a"), Rule("deny", "view", "/b")]),
            new AccessPolicyGrant("bird-managed-id", null)])]);

        AccessEvaluator.Decide(key, "GET", "/a").Verdict.Should().Be(AccessVerdict.Unknown);
        AccessEvaluator.Decide(key, "GET", "/c").Verdict.Should().Be(AccessVerdict.Unknown);
        AccessEvaluator.Decide(key, "GET", "/b").Verdict.Should().Be(AccessVerdict.Denied);
    }

    [Fact]
    public void ForEveryId_StarInThePolicy_AllowsEveryId()
    {
        var outcome = AccessEvaluator.ForEveryId(Key(Rule("allow", "create", "/workspaces/*/channels/*/messages")), "POST", "/workspaces/*/channels/*/messages");

        outcome.Range.Should().Be(AccessRange.AllowedForEvery);
    }

    [Fact]
    public void ForEveryId_ALiteralIdInTheAllow_IsNotEveryId_AndTheWitnessNamesAnotherId()
    {
        var outcome = AccessEvaluator.ForEveryId(Key(Rule("allow", "view", "/workspaces/w1/channels")), "GET", "/workspaces/*/channels");

        outcome.Range.Should().Be(AccessRange.DependsOnId);
        outcome.AllowedPath.Should().Be("/workspaces/w1/channels");
        outcome.DeniedPath.Should().Be("/workspaces/*/channels");
    }

    [Fact]
    public void ForEveryId_ADenyOfOneLiteralId_BreaksAllowedForEvery()
    {
        var deny = Rule("deny", "view", "/workspaces/*/channels/c9");
        var outcome = AccessEvaluator.ForEveryId(Key(Rule("allow", "view", "/workspaces/**"), deny), "GET", "/workspaces/*/channels/*");

        outcome.Range.Should().Be(AccessRange.DependsOnId);
        outcome.DeniedPath.Should().Be("/workspaces/*/channels/c9");
        outcome.Denying!.DecidedBy.Should().BeSameAs(deny);
    }

    [Fact]
    public void ForEveryId_AScopedRole_DoesNotAllowEveryWorkspace_ButDoesAllowItsOwn()
    {
        var key = Scoped([Ws], Rule("allow", "create", "/workspaces/*/verify"));

        AccessEvaluator.ForEveryId(key, "POST", "/workspaces/*/verify").Range.Should().Be(AccessRange.DependsOnId);
        AccessEvaluator.ForEveryId(key, "POST", $"/workspaces/{Ws}/verify").Range.Should().Be(AccessRange.AllowedForEvery);
    }

    [Fact]
    public void ForEveryId_DoubleStar_ReachesLiteralsAfterIt()
    {
        var key = Key(Rule("allow", "view", "/workspaces/**"), Rule("deny", "view", "/workspaces/**/secret"));

        var outcome = AccessEvaluator.ForEveryId(key, "GET", "/workspaces/*/channels/*");

        outcome.Range.Should().Be(AccessRange.DependsOnId);
        outcome.DeniedPath.Should().Be("/workspaces/*/channels/secret");
    }

    [Fact]
    public void ForEveryId_NothingMatches_IsDeniedForEvery()
    {
        var outcome = AccessEvaluator.ForEveryId(Key(Rule("allow", "view", "/workspaces/*/channels/*")), "DELETE", "/workspaces/*/connectors/*");

        outcome.Range.Should().Be(AccessRange.DeniedForEvery);
        outcome.Denying!.DecidedBy.Should().BeNull();
    }

    [Fact]
    public void Catalogue_Pattern_SubstitutesTheIdsItIsGiven_AndStarsTheRest()
    {
        var send = BirdApiCatalogue.Operations.First(o => o.Words == "send messages through a channel");

        BirdApiCatalogue.Pattern(send, "${organizationId}", "${workspaceId}").Should().Be("/workspaces/${workspaceId}/channels/*/messages");
        BirdApiCatalogue.Operations.Select(o => (o.Method, o.Path)).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void ForEveryId_WithMoreClassesOfIdsThanItTries_IsUnknown_NeverAGuess()
    {
        // 300 literal channel ids and four '*' in the request: far more combinations than the limit.
        var rules = Enumerable.Range(0, 300).Select(i => Rule("allow", "view", $"/a/c{i}/b/c{i}/d/c{i}/e/c{i}")).ToArray();

        var outcome = AccessEvaluator.ForEveryId(Key(rules), "GET", "/a/*/b/*/d/*/e/*");

        outcome.Range.Should().Be(AccessRange.Unknown);
    }
}
