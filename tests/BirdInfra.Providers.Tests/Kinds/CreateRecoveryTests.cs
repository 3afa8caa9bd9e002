using BirdInfra.Providers.AccessKey;
using BirdInfra.Providers.AccessPolicy;
using BirdInfra.Providers.Connector;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Kinds.Recovery;
using BirdInfra.Providers.Properties;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Kinds;

/// <summary>The one rule for a create whose outcome is unknown, on the real kinds with live listings built by hand.</summary>
public sealed class CreateRecoveryTests
{
    private static readonly IReadOnlySet<string> NoneOwned = new HashSet<string>();

    private readonly AccessPolicyKind _policy = new();

    private readonly AccessKeyKind _key = new();

    [Fact]
    public void Decide_WhenNoObjectHasTheNaturalKey_IsNotFound() =>
        CreateRecovery.Decide(_policy, [Policy("p-1", "billing")], "AccessPolicy:contact-center", NoneOwned)
            .Should().BeOfType<NotFound>();

    [Fact]
    public void Decide_WhenOneUnownedObjectHasTheNaturalKey_AdoptsIt()
    {
        var decision = CreateRecovery.Decide(_policy, [Policy("p-1", "billing"), Policy("p-2", "contact-center")], "AccessPolicy:contact-center", NoneOwned);

        decision.Should().BeOfType<Adopt>().Which.Snapshot.Id.Should().Be("p-2");
    }

    [Fact]
    public void Decide_WhenTheOneMatchHasASecretOnlyTheCreateAnswerCarried_DeletesAndRecreatesIt()
    {
        var decision = CreateRecovery.Decide(_key, [Key("k-1", "cc-key")], "AccessKey:cc-key", NoneOwned);

        decision.Should().BeOfType<DeleteAndRecreate>().Which.Snapshot.Id.Should().Be("k-1");
    }

    [Fact]
    public void Decide_LeavesOutObjectsTheCallerOwns()
    {
        var live = new[] { Policy("p-old", "contact-center"), Policy("p-new", "contact-center") };

        CreateRecovery.Decide(_policy, live, "AccessPolicy:contact-center", new HashSet<string> { "p-old" })
            .Should().BeOfType<Adopt>().Which.Snapshot.Id.Should().Be("p-new", "the owned one is the old half of a replacement, not the create's object");
        CreateRecovery.Decide(_policy, live, "AccessPolicy:contact-center", new HashSet<string> { "p-old", "p-new" })
            .Should().BeOfType<NotFound>();
    }

    [Fact]
    public void Decide_WhenSeveralUnownedObjectsHaveTheNaturalKey_IsAmbiguous_NamingEachAndAdoptingNone()
    {
        var decision = CreateRecovery.Decide(_policy, [Policy("p-2", "contact-center"), Policy("p-1", "contact-center"), Policy("p-3", "billing")], "AccessPolicy:contact-center", NoneOwned);

        var ambiguous = decision.Should().BeOfType<Ambiguous>().Which;
        ambiguous.Matches.Select(m => m.Id).Should().Equal("p-1", "p-2");
        ambiguous.Problem.Should().Contain("2 AccessPolicy objects").And.Contain("(AccessPolicy:contact-center)").And.Contain("(p-1, p-2)")
            .And.Contain("none was adopted or deleted").And.Contain("remove the stray ones and run again");
    }

    [Fact]
    public void Decide_WhenSeveralObjectsMatchForAKindWithACreateOnlySecret_IsAmbiguous_DeletingNone() =>
        CreateRecovery.Decide(_key, [Key("k-1", "cc-key"), Key("k-2", "cc-key")], "AccessKey:cc-key", NoneOwned)
            .Should().BeOfType<Ambiguous>("deleting the wrong key would break someone else's integration");

    [Fact]
    public void Decide_WhenTheCreatesInputsAreGiven_TheAdoptedObjectKeepsTheSecretBirdDoesNotEcho()
    {
        var connector = new ConnectorKind();
        var inputs = connector.Check(Map(
            ("name", S("wa-1")),
            ("wabaId", S("102290129340398")),
            ("phoneId", S("106540352242922")),
            ("phoneNumber", S("+31612345678")),
            ("accessToken", Secret("EAAG-token")))).Inputs;
        var listed = new ResourceSnapshot("cn-1", inputs.Without("accessToken"), inputs.Without("accessToken").With("channelId", S("ch-1")));

        var adopted = CreateRecovery.Decide(connector, [listed], connector.NaturalKey(inputs), NoneOwned, inputs).Should().BeOfType<Adopt>().Which.Snapshot;

        adopted.Id.Should().Be("cn-1");
        adopted.Inputs["accessToken"].Should().Be(Secret("EAAG-token"));
        adopted.Outputs["channelId"].Should().Be(S("ch-1"));
    }

    [Fact]
    public void HasCreateOnlySecret_HoldsForTheAccessKeyAlone() =>
        BirdKinds.Default.All.Where(CreateRecovery.HasCreateOnlySecret).Select(k => k.Name).Should().Equal("AccessKey");

    private static ResourceSnapshot Policy(string id, string name) =>
        new(id, Map(("name", S(name))), Map(("name", S(name)), ("id", S(id))));

    private static ResourceSnapshot Key(string id, string name) =>
        new(id, Map(("name", S(name)), ("description", S("d"))), Map(("name", S(name)), ("description", S("d")), ("id", S(id)), ("suffix", S("wxyz"))));
}
