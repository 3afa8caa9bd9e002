using BirdInfra.Providers.Connector;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Kinds;

public sealed class ConnectorKindTests
{
    private readonly ConnectorKind _kind = new();

    private static PropertyMap Inputs(string phone = "+31612345678", string token = "EAAG-token", string name = "wa-1") => Map(
        ("name", S(name)),
        ("wabaId", S("102290129340398")),
        ("phoneId", S("106540352242922")),
        ("phoneNumber", S(phone)),
        ("accessToken", S(token)));

    [Fact]
    public void Check_DefaultsTemplateAndMakesTheTokenSecret()
    {
        var result = _kind.Check(Inputs());

        result.IsValid.Should().BeTrue();
        result.Inputs["connectorTemplateRef"].Should().Be(S("whatsapp:1"));
        result.Inputs["accessToken"]!.IsSecret.Should().BeTrue();
        result.Inputs.ToString().Should().NotContain("EAAG-token");
    }

    [Fact]
    public void Check_WhenPhoneNotE164_Fails() =>
        _kind.Check(Inputs(phone: "0612345678")).Failures.Should().ContainSingle(f => f.Path == "phoneNumber");

    [Fact]
    public void Check_WhenTokenInvalid_DoesNotEchoIt()
    {
        // A real token written where a string belongs, as an object and as a list (a YAML slip), and not yet marked secret
        // by the stack: the failure names the property and what is wrong, never the token.
        const string token = "EAAGm0PX4ZCpsBAKx9ZC1invalidTokenValue";
        foreach (var written in new[] { M(("value", S(token))), L(token) })
        {
            var result = _kind.Check(Inputs().With("accessToken", written));

            var failure = result.Failures.Should().ContainSingle(f => f.Path == "accessToken").Subject;
            failure.Message.Should().Contain("'accessToken'");
            string.Join("\n", result.Failures.Select(f => $"{f.Path} {f.Message} {f.Hint}")).Should().NotContain(token);
            result.Inputs.ToString().Should().NotContain(token);
        }
    }

    [Fact]
    public void Check_WhenTemplateUnsupported_Fails() =>
        _kind.Check(Inputs().With("connectorTemplateRef", S("sms-messagebird:1"))).Failures.Should().ContainSingle(f => f.Path == "connectorTemplateRef");

    [Fact]
    public void Diff_WhenTemplateGivenExplicitly_IsSame() =>
        _kind.Diff(Recorded(_kind, Inputs()), Inputs().With("connectorTemplateRef", S("whatsapp:1"))).Should().Be(DiffResult.Same);

    [Fact]
    public void Diff_WhenPhoneNumberChanges_ReplacesCreateBeforeDelete()
    {
        var diff = _kind.Diff(Recorded(_kind, Inputs()), Inputs(phone: "+31687654321"));

        diff.Outcome.Should().Be(DiffOutcome.Replace);
        diff.DeleteBeforeReplace.Should().BeFalse();
        diff.Changes.Should().ContainSingle(c => c.Path == "phoneNumber" && c.ForcesReplacement);
    }

    [Fact]
    public void Diff_WhenNameChangesOnSameNumber_DeletesBeforeReplace()
    {
        var diff = _kind.Diff(Recorded(_kind, Inputs()), Inputs(name: "wa-renamed"));

        diff.Outcome.Should().Be(DiffOutcome.Replace);
        diff.DeleteBeforeReplace.Should().BeTrue();
    }

    [Fact]
    public void Diff_WhenTheAccessTokenWasNeverKnown_IsSame()
    {
        // An imported connector: Bird never returns the Meta token, so what Read gave back has none. Replacing the
        // connector for it would give the number a new channel; the token is no reason to change anything.
        var imported = new ResourceSnapshot("c-1", Inputs().Without("accessToken"), Inputs().Without("accessToken"));

        _kind.Diff(imported, Inputs(token: "EAAG-from-the-stack")).Should().Be(DiffResult.Same);
    }

    [Fact]
    public void Diff_WhenAccessTokenChanges_ReplacesAndKeepsBothValuesSecret()
    {
        var diff = _kind.Diff(Recorded(_kind, Inputs(token: "old-secret")), Inputs(token: "new-secret"));

        diff.Outcome.Should().Be(DiffOutcome.Replace);
        diff.DeleteBeforeReplace.Should().BeTrue();
        var change = diff.Changes.Single();
        change.Path.Should().Be("accessToken");
        change.Old!.IsSecret.Should().BeTrue();
        change.New!.IsSecret.Should().BeTrue();
        change.ToString().Should().NotContain("old-secret").And.NotContain("new-secret");
    }

    [Fact]
    public void Diff_WhenStateHoldsPlainToken_ComparesByValue() =>
        _kind.Diff(new ResourceSnapshot("c", Inputs(), Inputs()), Inputs()).Should().Be(DiffResult.Same);

    [Fact]
    public void NaturalKey_IsTemplateAndPhoneNumber() =>
        _kind.NaturalKey(_kind.Check(Inputs()).Inputs).Should().Be("Connector:whatsapp:1:+31612345678");

    [Fact]
    public void MergeLive_KeepsTheAccessTokenFromState()
    {
        var known = Recorded(_kind, Inputs(token: "keep-me"));
        var liveInputs = _kind.Check(Inputs()).Inputs.Without("accessToken");
        var live = new ResourceSnapshot("id-1", liveInputs, liveInputs.With("channelId", S("ch")));

        var merged = _kind.MergeLive(known, live);

        merged.Inputs["accessToken"]!.RevealString().Should().Be("keep-me");
        merged.Inputs["accessToken"]!.IsSecret.Should().BeTrue();
        _kind.Diff(merged, Inputs(token: "keep-me")).Should().Be(DiffResult.Same);
    }

    [Fact]
    public void Spec_ToStringHidesTheToken() =>
        ConnectorSpec.FromInputs(_kind.Check(Inputs(token: "hidden-token")).Inputs).ToString().Should().NotContain("hidden-token").And.Contain("[secret]");
}
