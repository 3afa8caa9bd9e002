using BirdInfra.Providers.AccessRole;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Kinds;

public sealed class AccessRoleKindTests
{
    private readonly AccessRoleKind _kind = new();

    private static PropertyMap Inputs(string name, params PropertyValue[] policies) => Map(("name", S(name)), ("policies", L(policies)));

    private static PropertyValue Ref(string id) => M(("id", S(id)));

    [Fact]
    public void Check_DefaultsPolicyTypeAndSortsById()
    {
        var result = _kind.Check(Inputs("r", Ref("b"), M(("id", S("a")), ("type", S("managed"))), Ref("b")));

        result.IsValid.Should().BeTrue();
        result.Inputs["policies"].Should().Be(L(
            M(("id", S("a")), ("type", S("managed"))),
            M(("id", S("b")), ("type", S("organization")))));
    }

    [Fact]
    public void Check_WhenPolicyTypeInvalid_Fails() =>
        _kind.Check(Inputs("r", M(("id", S("a")), ("type", S("custom"))))).Failures.Should().ContainSingle(f => f.Path == "policies[0].type");

    [Fact]
    public void Check_WhenPolicyIdUnknown_KeepsItForPreview()
    {
        var result = _kind.Check(Inputs("r", M(("id", PropertyValue.Unknown))));

        result.IsValid.Should().BeTrue();
        result.Inputs["policies"]!.ContainsUnknown.Should().BeTrue();
    }

    [Fact]
    public void Diff_WhenPoliciesReordered_IsSame()
    {
        var old = Recorded(_kind, Inputs("r", Ref("a"), Ref("b")));

        _kind.Diff(old, Inputs("r", Ref("b"), M(("id", S("a")), ("type", S("organization"))))).Should().Be(DiffResult.Same);
    }

    [Fact]
    public void Diff_WhenPolicyReplaced_UpdatesInPlace()
    {
        var old = Recorded(_kind, Inputs("r", Ref("a")));

        var diff = _kind.Diff(old, Inputs("r", Ref("c")));

        diff.Outcome.Should().Be(DiffOutcome.Update);
        diff.Changes.Should().ContainSingle(c => c.Path == "policies" && !c.ForcesReplacement);
    }

    [Fact]
    public void Diff_WhenNameChanges_UpdatesInPlace() =>
        _kind.Diff(Recorded(_kind, Inputs("a")), Inputs("b")).Outcome.Should().Be(DiffOutcome.Update);

    [Fact]
    public void Diff_WhenDescriptionRemoved_UpdatesInPlace()
    {
        var old = Recorded(_kind, Inputs("r").With("description", S("d")));

        var diff = _kind.Diff(old, Inputs("r"));

        diff.Outcome.Should().Be(DiffOutcome.Update);
        diff.Changes.Single().Should().Be(new PropertyDiff("description", S("d"), null, false));
    }

    [Fact]
    public void Diff_WhenPoliciesAbsentVersusEmpty_IsSame() =>
        _kind.Diff(Recorded(_kind, Map(("name", S("r")))), Inputs("r")).Outcome.Should().Be(DiffOutcome.Same);
}
