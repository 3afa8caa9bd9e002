using System.Net;
using BirdInfra.Providers.Client;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Kinds.Recovery;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.Tests.Client;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Kinds;

/// <summary>
/// The one executor of create recovery, one test per decision and host: what it records, deletes now or marks for a
/// later delete, and what it leaves alone. Bird is a fake kind's list in memory.
/// </summary>
public sealed class CreateRecoveryExecutorTests : IDisposable
{
    private static readonly PropertyMap Inputs = Map(("name", S("cc")));

    private static readonly IReadOnlySet<string> NoneOwned = new HashSet<string>();

    private static readonly BirdApiException Lost = new("POST /fakes", BirdFailure.Status, HttpStatusCode.InternalServerError, null, null, null, attempts: 1, outcomeUnknown: true);

    private readonly RecordingClient _client = new();

    private readonly List<string> _recorded = [];

    private readonly List<string> _deleteLater = [];

    private readonly List<string> _deleteNow = [];

    public void Dispose() => _client.Dispose();

    [Fact]
    public void Settle_WhenOneUnownedObjectMatches_RecordsIt_AndMarksNothingForDeletion()
    {
        var decision = CreateRecoveryExecutor.Settle(new FakeBirdKind(), [Found("made-1", "cc"), Found("other", "billing")], "Fake:cc", NoneOwned, Recording());

        decision.Should().BeOfType<Adopt>();
        _recorded.Should().Equal("made-1");
        _deleteLater.Should().BeEmpty();
    }

    [Fact]
    public void Settle_WhenTheMatchesCreateOnlySecretWasLost_MarksItForALaterDelete_AndRecordsNothing()
    {
        var decision = CreateRecoveryExecutor.Settle(new FakeBirdKind(createOnlySecret: true), [Found("made-1", "cc")], "Fake:cc", NoneOwned, Recording());

        decision.Should().BeOfType<DeleteAndRecreate>();
        _deleteLater.Should().Equal("made-1");
        _recorded.Should().BeEmpty("a key whose token nobody has is never recorded as the stack's own");
    }

    [Fact]
    public void Settle_WhenNothingUnownedMatches_RecordsNothing_SoTheCreateIsPlannedAgain()
    {
        var decision = CreateRecoveryExecutor.Settle(new FakeBirdKind(), [Found("owned", "cc"), Found("other", "billing")], "Fake:cc", new HashSet<string> { "owned" }, Recording());

        decision.Should().BeOfType<NotFound>();
        _recorded.Should().BeEmpty();
        _deleteLater.Should().BeEmpty();
    }

    [Fact]
    public void Settle_WhenSeveralUnownedObjectsMatch_RecordsAndMarksNone()
    {
        var decision = CreateRecoveryExecutor.Settle(new FakeBirdKind(createOnlySecret: true), [Found("k-2", "cc"), Found("k-1", "cc")], "Fake:cc", NoneOwned, Recording());

        decision.Should().BeOfType<Ambiguous>().Which.Matches.Select(m => m.Id).Should().Equal("k-1", "k-2");
        _recorded.Should().BeEmpty();
        _deleteLater.Should().BeEmpty();
    }

    [Fact]
    public async Task SettleNowAsync_WhenOneUnownedObjectMatches_AdoptsIt_AndDeletesNothing()
    {
        var kind = new FakeBirdKind();
        kind.Live.Add(Found("made-1", "cc"));

        var decision = await SettleNowAsync(kind);

        decision.Should().BeOfType<Adopt>().Which.Snapshot.Id.Should().Be("made-1");
        _deleteNow.Should().BeEmpty();
        kind.Live.Should().ContainSingle();
    }

    [Fact]
    public async Task SettleNowAsync_WhenTheMatchesCreateOnlySecretWasLost_DeletesItNow_SoTheCreateCanBeSentAgain()
    {
        var kind = new FakeBirdKind(createOnlySecret: true);
        kind.Live.Add(Found("made-1", "cc"));

        var decision = await SettleNowAsync(kind);

        decision.Should().BeOfType<DeleteAndRecreate>();
        _deleteNow.Should().Equal("made-1");
        kind.Live.Should().BeEmpty("no live key whose token nobody has is left behind");
    }

    [Fact]
    public async Task SettleNowAsync_WhenNothingMatches_DeletesNothing_SoTheCreateIsSentAgain()
    {
        var kind = new FakeBirdKind(createOnlySecret: true);
        kind.Live.Add(Found("other", "billing"));

        var decision = await SettleNowAsync(kind);

        decision.Should().BeOfType<NotFound>();
        _deleteNow.Should().BeEmpty();
        kind.Live.Should().ContainSingle();
    }

    [Fact]
    public async Task SettleNowAsync_WhenSeveralUnownedObjectsMatch_StopsNamingThem_AndDeletesNone()
    {
        var kind = new FakeBirdKind(createOnlySecret: true);
        kind.Live.AddRange([Found("k-1", "cc"), Found("someone-elses", "cc")]);

        var settle = () => SettleNowAsync(kind);

        var failure = (await settle.Should().ThrowAsync<CreateOutcomeUnknownException>()).Which;
        failure.Message.Should().StartWith("the answer was lost.").And.Contain("(k-1, someone-elses)");
        failure.Ambiguity.Should().NotBeNull();
        failure.InnerException.Should().BeSameAs(Lost);
        _deleteNow.Should().BeEmpty();
        kind.Live.Should().HaveCount(2);
    }

    [Fact]
    public async Task SettleNowAsync_WhenTheDeleteFails_StopsSayingTheTokenlessObjectIsStillInBird()
    {
        var kind = new FakeBirdKind(createOnlySecret: true) { DeleteFailure = new BirdApiException("DELETE /fakes/made-1", BirdFailure.Status, HttpStatusCode.Forbidden, null, "no", null, attempts: 1, outcomeUnknown: false) };
        kind.Live.Add(Found("made-1", "cc"));

        var settle = () => SettleNowAsync(kind);

        (await settle.Should().ThrowAsync<CreateOutcomeUnknownException>())
            .WithMessage("the answer was lost. Bird holds Fake made-1, whose secret was lost, and deleting it failed (*DELETE /fakes/made-1*): delete it before running again.");
        kind.Live.Should().ContainSingle();
    }

    [Fact]
    public async Task SettleNowAsync_WhenTheLookupFails_StopsSayingSo_AndDeletesNothing()
    {
        var kind = new FakeBirdKind(createOnlySecret: true) { ListFailure = new BirdApiException("GET /fakes", BirdFailure.Status, HttpStatusCode.ServiceUnavailable, null, null, null, attempts: 5, outcomeUnknown: false) };
        kind.Live.Add(Found("made-1", "cc"));

        var settle = () => SettleNowAsync(kind);

        (await settle.Should().ThrowAsync<CreateOutcomeUnknownException>()).WithMessage("the answer was lost. Looking it up failed too: *GET /fakes*");
        _deleteNow.Should().BeEmpty();
    }

    [Fact]
    public void Import_AdoptsTheOneMatchEvenOfAKindWithACreateOnlySecret_WithTheSecretsBirdDoesNotEchoUnknown()
    {
        var declared = Inputs.With("signingKey", Secret("declared-key"));

        var decision = CreateRecoveryExecutor.Import(new FakeBirdKind(createOnlySecret: true), [Found("k-1", "cc")], "Fake:cc", NoneOwned, declared, found => _recorded.Add(found.Id));

        var adopted = decision.Should().BeOfType<Adopt>().Which.Snapshot;
        _recorded.Should().Equal("k-1");
        adopted.Inputs["signingKey"].Should().Be(PropertyValue.Unknown, "Bird may hold another value than the one declared");
    }

    [Fact]
    public void Import_WhenTheNaturalKeyStillHoldsAnUnknown_MatchesNothing()
    {
        var declared = Inputs.With("channelId", PropertyValue.Unknown);

        var decision = CreateRecoveryExecutor.Import(new FakeBirdKind(), [Found("made-1", "cc")], "Fake:cc", NoneOwned, declared, found => _recorded.Add(found.Id));

        decision.Should().BeOfType<NotFound>();
        _recorded.Should().BeEmpty();
    }

    [Fact]
    public void ReadOnlyEntryPoints_TakeNoClientAndNoDelete_SoRefreshAndImportCannotChangeBirdThroughThem()
    {
        // Refresh (preview, drift) and import's matching settle through these; Bird is reached only through a context,
        // a client or a changing host, and a host that records holds only synchronous callbacks on a found object.
        Type[] reachBird = [typeof(ProviderContext), typeof(BirdClient), typeof(ChangingRecoveryHost)];
        var entryPoints = typeof(CreateRecoveryExecutor).GetMethods().Where(m => m.Name is nameof(CreateRecoveryExecutor.Settle) or nameof(CreateRecoveryExecutor.Import)).ToList();

        entryPoints.Should().HaveCount(2);
        entryPoints.SelectMany(m => m.GetParameters()).Select(p => p.ParameterType).Should().NotContain(reachBird);
        typeof(RecordingRecoveryHost).GetProperties().Where(p => p.Name != "EqualityContract").Select(p => p.PropertyType)
            .Should().OnlyContain(t => t == typeof(Action<ResourceSnapshot>));
    }

    private RecordingRecoveryHost Recording() => new(found => _recorded.Add(found.Id), found => _deleteLater.Add(found.Id));

    private Task<RecoveryDecision> SettleNowAsync(FakeBirdKind kind)
    {
        var context = new ProviderContext(_client.Client, "org-1", "ws-1");
        var host = new ChangingRecoveryHost(async (found, token) =>
        {
            await kind.DeleteAsync(context, found, token);
            _deleteNow.Add(found.Id);
        });
        return CreateRecoveryExecutor.SettleNowAsync(kind, context, "Fake:cc", NoneOwned, Inputs, "the answer was lost.", Lost, host, CancellationToken.None);
    }

    private static ResourceSnapshot Found(string id, string name) => FakeBirdKind.Object(id, name);
}
