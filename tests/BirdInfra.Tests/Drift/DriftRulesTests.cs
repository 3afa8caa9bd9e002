using BirdInfra.Drift;
using BirdInfra.Providers.AccessKey;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Stacks.Model;

namespace BirdInfra.Tests.Drift;

/// <summary>The rules drift grades and compares by: when a key's access widens, and which differences Bird does not make.</summary>
public sealed class DriftRulesTests
{
    private static PropertyValue S(string value) => PropertyValue.String(value);

    private static PropertyValue RoleRefs(params string[] workspaces) => PropertyValue.List(PropertyValue.Map(PropertyMaps.Of(
        ("id", S("7c1e2f4a-1111-4c2b-9d3e-000000000002")),
        ("type", S("organization")),
        ("workspaces", PropertyMaps.Strings(workspaces)))));

    [Theory]
    [InlineData(new[] { "ws-a" }, new string[0], true)]
    [InlineData(new[] { "ws-a" }, new[] { "ws-a", "ws-b" }, true)]
    [InlineData(new string[0], new[] { "ws-a" }, false)]
    [InlineData(new[] { "ws-a", "ws-b" }, new[] { "ws-a" }, false)]
    public void KeyScope_WidenedWhenOrganizationWideOrAWorkspaceAdded(string[] expected, string[] actual, bool widens) =>
        AccessKeyDrift.WidensKeyAccess(RoleRefs(expected), RoleRefs(actual)).Should().Be(widens);

    [Theory]
    [InlineData("https://Contact-Center.example.com/bird/whatsapp", "https://contact-center.example.com/bird/whatsapp/", true)]
    [InlineData("https://contact-center.example.com/bird/whatsapp", "https://contact-center.example.com/bird/WhatsApp", false)]
    [InlineData("https://contact-center.example.com/bird/whatsapp", "https://elsewhere.example.net/bird/whatsapp", false)]
    [InlineData("3F2504E0-4F89-41D3-9A0C-0305E82C3301", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", true)]
    [InlineData("Holds the policy", "holds the policy", false)]
    public void BirdEquivalence_IgnoresOnlyWhatBirdNormalises(string expected, string actual, bool same) =>
        BirdEquivalence.Same(S(expected), S(actual)).Should().Be(same);

    [Fact]
    public void BirdEquivalence_ComparesListsAsMultisets()
    {
        BirdEquivalence.Same(PropertyValue.List(S("b"), S("a")), PropertyValue.List(S("a"), S("b"))).Should().BeTrue();
        BirdEquivalence.Same(PropertyValue.List(S("a"), S("a")), PropertyValue.List(S("a"), S("b"))).Should().BeFalse();
        BirdEquivalence.Same(RoleRefs("3f2504e0-4f89-41d3-9a0c-0305e82c3301"), RoleRefs()).Should().BeFalse("a widened scope is a change");
    }

    [Theory]
    [InlineData("console-*", "console-admin", true)]
    [InlineData("console-*", "my-console-admin", false)]
    [InlineData("console.admin", "consoleXadmin", false)]
    [InlineData("*", "anything", true)]
    public void IgnoreRule_NameGlob_StarMatchesAnyRunOfCharacters(string glob, string name, bool matches) =>
        new DriftIgnoreRule("AccessKey", glob, null, new SourceLocation("stack.yaml", 1, 1)).Matches("AccessKey", "id", name).Should().Be(matches);

    [Fact]
    public void IgnoreRule_ById_MatchesOnlyThatObjectOfThatKind()
    {
        var rule = new DriftIgnoreRule("WebhookSubscription", null, "3f2504e0-4f89-41d3-9a0c-0305e82c3301", new SourceLocation("stack.yaml", 1, 1));

        rule.Matches("WebhookSubscription", "3F2504E0-4F89-41D3-9A0C-0305E82C3301", "whatsapp.inbound").Should().BeTrue();
        rule.Matches("AccessKey", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "whatsapp.inbound").Should().BeFalse();
    }
}
