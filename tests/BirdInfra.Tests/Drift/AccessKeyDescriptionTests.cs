using BirdInfra.Providers.AccessEvaluation;
using BirdInfra.Providers.AccessKey;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Tests.Drift;

/// <summary>What drift says a key beside the stack can do: the access evaluator over Bird's catalogue, not only its rows.</summary>
public sealed class AccessKeyDescriptionTests
{
    private static readonly AccessModel Model = AccessModel.Of(BirdKinds.Default)!;

    private const string Organization = "0a1b2c3d-0000-4e5f-9a0b-00000000000a";
    private const string Workspace = "0a1b2c3d-0000-4e5f-9a0b-00000000000b";

    private static PropertyValue S(string value) => PropertyValue.String(value);

    private static ResourceSnapshot Policy(string id, params (string Effect, string Action, string Resource)[] rows) => new(
        id,
        PropertyMaps.Of(("name", S("policy-" + id)), ("definitions", PropertyValue.List([.. rows.Select(r => PropertyValue.Map(PropertyMaps.Of(
            ("effect", S(r.Effect)), ("actions", PropertyMaps.Strings([r.Action])), ("resources", PropertyMaps.Strings([r.Resource])))))]))),
        PropertyMap.Empty);

    private static ResourceSnapshot Role(string id, params string[] policies) => new(
        id,
        PropertyMaps.Of(("name", S("role-" + id)), ("policies", PropertyValue.List([.. policies.Select(p => PropertyValue.Map(PropertyMaps.Of(("id", S(p)))))]))),
        PropertyMap.Empty);

    private static ResourceSnapshot Key(string role, params string[] workspaces) => new(
        "key-1",
        PropertyMaps.Of(("name", S("hand-made")), ("roleRefs", PropertyValue.List(PropertyValue.Map(PropertyMaps.Of(
            ("id", S(role)), ("type", S("organization")), ("workspaces", PropertyMaps.Strings(workspaces))))))),
        PropertyMap.Empty);

    [Fact]
    public void Describe_AKeyThatMaySendMessagesOnly_SaysSoAndNothingMore()
    {
        var policy = Policy("p1", ("allow", "create", $"/workspaces/{Workspace}/channels/*/messages"));

        var detail = AccessKeyDescription.Describe(Model, Key("r1", Workspace), [Role("r1", "p1")], [policy], (Organization, Workspace));

        detail.Should().Contain("role role-r1 (workspaces " + Workspace + ") with policy-p1 [allow create /workspaces/" + Workspace + "/channels/*/messages]")
            .And.EndWith("; may send messages through a channel");
    }

    [Fact]
    public void Describe_AnAllowAnyEverywhereKey_MayDoEverything()
    {
        var detail = AccessKeyDescription.Describe(Model, Key("r1"), [Role("r1", "p1")], [Policy("p1", ("allow", "any", "/**"))], (Organization, Workspace));

        detail.Should().Contain("may do every operation BirdInfra's catalogue of Bird's API lists");
    }

    [Fact]
    public void Describe_ARoleWithAPolicyBirdDidNotList_IsUnknownNotGuessed()
    {
        var detail = AccessKeyDescription.Describe(Model, Key("r1"), [Role("r1", "managed-policy")], [], (Organization, Workspace));

        detail.Should().Contain("policy managed-policy (managed)").And.Contain("unknown (a policy BirdInfra cannot read decides): send messages through a channel")
            .And.NotContain("; may send");
    }
}
