using BirdInfra.Providers.AccessKey;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Kinds;

public sealed class AccessKeyKindTests
{
    private const string Workspace1 = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private const string Workspace2 = "0a2504e0-4f89-41d3-9a0c-0305e82c3302";

    private readonly AccessKeyKind _kind = new();

    private static PropertyMap Inputs(string description = "contact center", params PropertyValue[] roleRefs) =>
        Map(("name", S("cc-key")), ("description", S(description)), ("roleRefs", L(roleRefs)));

    [Fact]
    public void Check_DefaultsTypeAndWorkspacesAndSorts()
    {
        var result = _kind.Check(Inputs("d", M(("id", S("r2")), ("workspaces", L(Workspace1, Workspace2, Workspace1))), M(("id", S("r1")))));

        result.IsValid.Should().BeTrue();
        result.Inputs["roleRefs"].Should().Be(L(
            M(("id", S("r1")), ("type", S("organization")), ("workspaces", PropertyValue.EmptyList)),
            M(("id", S("r2")), ("type", S("organization")), ("workspaces", L(Workspace2, Workspace1)))));
    }

    [Fact]
    public void Check_WhenDescriptionMissing_Fails() =>
        _kind.Check(Map(("name", S("k")))).Failures.Should().ContainSingle(f => f.Path == "description");

    [Fact]
    public void Check_WhenWorkspaceIsNotAUuid_Fails() =>
        _kind.Check(Inputs("d", M(("id", S("r")), ("workspaces", L("ws-1"))))).Failures.Should().ContainSingle(f => f.Path == "roleRefs[0].workspaces[0]");

    [Fact]
    public void Check_WhenWorkspacesIsAnEmptyList_FailsAsEmptyList()
    {
        var failure = _kind.Check(Inputs("d", M(("id", S("r")), ("workspaces", PropertyValue.EmptyList)))).Failures.Should().ContainSingle().Subject;

        failure.Path.Should().Be("roleRefs[0].workspaces");
        failure.Code.Should().Be(DiagnosticCodes.EmptyList);
    }

    [Fact]
    public void Diff_OrganizationWideKeyRecordedWithEmptyWorkspaces_AgainstWorkspacesLeftOut_IsSame()
    {
        // State written before workspaces: [] was refused holds it for every organization-wide key; the stack now leaves it out.
        var recorded = new ResourceSnapshot(
            "id-1",
            Inputs("d", M(("id", S("r1")), ("type", S("organization")), ("workspaces", PropertyValue.EmptyList))),
            Map(("token", Secret("tok"))));

        _kind.Diff(recorded, Inputs("d", M(("id", S("r1")), ("type", S("organization"))))).Should().Be(DiffResult.Same);
        _kind.Check(Inputs("d", M(("id", S("r1"))))).Inputs.Equals(recorded.Inputs).Should().BeTrue("the normalised form of an organization-wide key is unchanged");
    }

    [Fact]
    public void Diff_WhenNothingChangesButDefaults_IsSame()
    {
        var old = Recorded(_kind, Inputs("d", M(("id", S("r1")))), ("token", Secret("tok")));

        _kind.Diff(old, Inputs("d", M(("id", S("r1")), ("type", S("organization")), ("workspaces", PropertyValue.EmptyList)))).Should().Be(DiffResult.Same);
    }

    [Fact]
    public void Diff_WhenRoleChanges_ReplacesAsTokenRotation()
    {
        var old = Recorded(_kind, Inputs("d", M(("id", S("r1")))), ("token", Secret("old-token")));

        var diff = _kind.Diff(old, Inputs("d", M(("id", S("r2")))));

        diff.Outcome.Should().Be(DiffOutcome.Replace);
        diff.DeleteBeforeReplace.Should().BeFalse();
        diff.Reason.Should().Be("this rotates the access key's token");
        var token = diff.Changes.Single(c => c.Path == "token");
        token.Old!.IsSecret.Should().BeTrue();
        token.New!.IsSecret.Should().BeTrue();
        token.ToString().Should().NotContain("old-token");
    }

    [Fact]
    public void Diff_WhenDescriptionChanges_Replaces() =>
        _kind.Diff(Recorded(_kind, Inputs("a")), Inputs("b")).Outcome.Should().Be(DiffOutcome.Replace);

    [Fact]
    public void MergeLive_KeepsTheTokenFromState()
    {
        var known = Recorded(_kind, Inputs("d"), ("id", S("id-1")), ("token", Secret("tok")));
        var live = new ResourceSnapshot("id-1", known.Inputs, known.Inputs.With("id", S("id-1")).With("suffix", S("k")));

        var merged = _kind.MergeLive(known, live);

        merged.Outputs["token"]!.IsSecret.Should().BeTrue();
        merged.Outputs["token"]!.RevealString().Should().Be("tok");
        merged.Outputs["suffix"].Should().Be(S("k"));
    }

    [Fact]
    public void Schema_MarksTheTokenSecret() =>
        _kind.Schema.Outputs.Single(p => p.Name == "token").Secret.Should().BeTrue();

    [Fact]
    public void AsWritten_LeavesAnOrganizationWideReferencesWorkspacesOut_SoCheckAcceptsWhatStateHolds()
    {
        var state = _kind.Check(Inputs("d", M(("id", S("r1"))), M(("id", S("r2")), ("workspaces", L(Workspace1))))).Inputs;

        var written = _kind.AsWritten(state);

        var check = _kind.Check(written);
        check.Failures.Should().BeEmpty();
        check.Inputs.Should().BeEquivalentTo(state, "checking the written form gives back what state holds");
        written["roleRefs"]!.AsList().Select(r => r.AsMap().ContainsKey("workspaces")).Should().Equal(false, true);
    }
}
