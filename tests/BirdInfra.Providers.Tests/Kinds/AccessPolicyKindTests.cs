using BirdInfra.Providers.AccessPolicy;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Kinds;

public sealed class AccessPolicyKindTests
{
    private readonly AccessPolicyKind _kind = new();

    private static PropertyMap Inputs(string name = "contact-center", params PropertyValue[] definitions) => Map(
        ("name", S(name)),
        ("definitions", definitions.Length > 0 ? L(definitions) : L(Def("allow", ["create"], "/workspaces/*/channels/*/messages", "/workspaces/*/verify"))));

    private static PropertyValue Def(string effect, string[] actions, params string[] resources) =>
        M(("effect", S(effect)), ("actions", L(actions)), ("resources", L(resources)));

    [Fact]
    public void Check_SortsAndDeduplicatesActionsAndResources()
    {
        var result = _kind.Check(Inputs("p", Def("allow", ["view", "create", "view"], "/b", "/a", "/b")));

        result.IsValid.Should().BeTrue();
        var definition = result.Inputs["definitions"]!.AsList()[0].AsMap();
        definition["actions"].Should().Be(L("create", "view"));
        definition["resources"].Should().Be(L("/a", "/b"));
    }

    [Fact]
    public void Check_ReportsEveryProblemWithItsPath()
    {
        var result = _kind.Check(Map(
            ("name", S("")),
            ("definitions", L(Def("permit", ["read"], "workspaces/*")))));

        result.Failures.Select(f => f.Path).Should().BeEquivalentTo("name", "definitions[0].effect", "definitions[0].actions[0]", "definitions[0].resources[0]");
        result.Failures.Should().OnlyContain(f => f.Hint.Length > 0);
    }

    [Fact]
    public void Check_WhenDefinitionsMissingOrEmpty_Fails()
    {
        _kind.Check(Map(("name", S("p")))).Failures.Should().ContainSingle(f => f.Path == "definitions");
        _kind.Check(Map(("name", S("p")), ("definitions", PropertyValue.EmptyList))).Failures.Should().ContainSingle(f => f.Path == "definitions");
    }

    [Fact]
    public void Check_WhenUnknownProperty_Fails() =>
        _kind.Check(Inputs().With("colour", S("red"))).Failures.Should().ContainSingle(f => f.Path == "colour");

    [Fact]
    public void Check_KeepsUnknownValuesForPreview()
    {
        var result = _kind.Check(Inputs("p", Def("allow", ["view"], "/a")).With("description", PropertyValue.Unknown));

        result.IsValid.Should().BeTrue();
        result.Inputs["description"]!.IsUnknown.Should().BeTrue();
    }

    [Fact]
    public void Diff_WhenOnlyOrderOrDuplicatesDiffer_IsSame()
    {
        var old = Recorded(_kind, Inputs("p", Def("allow", ["create", "view"], "/a", "/b")));

        _kind.Diff(old, Inputs("p", Def("allow", ["view", "create", "create"], "/b", "/a"))).Outcome.Should().Be(DiffOutcome.Same);
    }

    [Fact]
    public void Diff_WhenEmptyDescriptionVersusAbsent_IsSame()
    {
        var old = Recorded(_kind, Inputs());

        _kind.Diff(old, Inputs().With("description", S(""))).Outcome.Should().Be(DiffOutcome.Same);
    }

    [Fact]
    public void Diff_WhenDefinitionsChange_ReplacesCreateBeforeDelete()
    {
        var old = Recorded(_kind, Inputs());

        var diff = _kind.Diff(old, Inputs("contact-center", Def("allow", ["view"], "/workspaces/*/channels/*")));

        diff.Outcome.Should().Be(DiffOutcome.Replace);
        diff.DeleteBeforeReplace.Should().BeFalse();
        diff.Changes.Should().ContainSingle().Which.Should().Match<PropertyDiff>(c => c.Path == "definitions" && c.ForcesReplacement);
    }

    [Fact]
    public void Diff_WhenNameChanges_Replaces()
    {
        var old = Recorded(_kind, Inputs("a"));

        var diff = _kind.Diff(old, Inputs("b"));

        diff.Outcome.Should().Be(DiffOutcome.Replace);
        diff.Changes.Single().Old.Should().Be(S("a"));
        diff.Changes.Single().New.Should().Be(S("b"));
    }

    [Fact]
    public void NaturalKey_IsTheName() => _kind.NaturalKey(Inputs("contact-center")).Should().Be("AccessPolicy:contact-center");

    [Fact]
    public void Schema_DescribesEveryInput()
    {
        _kind.Schema.Inputs.Select(p => p.Name).Should().Equal("name", "description", "definitions");
        _kind.Schema.Outputs.Select(p => p.Name).Should().Contain(["id", "type", "scope"]);
        _kind.Schema.Inputs.Should().OnlyContain(p => p.Description.Length > 0);
        ((IResourceKind)_kind).TypeToken.Should().Be("bird:index:AccessPolicy");
    }

    [Fact]
    public void Spec_RoundTripsThroughInputs()
    {
        var inputs = _kind.Check(Inputs("p", Def("deny", ["delete"], "/x/**")).With("description", S("d"))).Inputs;

        var spec = AccessPolicySpec.FromInputs(inputs);

        spec.Definitions.Single().Should().Be(new AccessPolicyDefinition("deny", ["delete"], ["/x/**"]));
        spec.ToInputs().Equals(inputs).Should().BeTrue();
    }
}
