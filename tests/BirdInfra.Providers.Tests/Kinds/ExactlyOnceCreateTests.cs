using BirdInfra.Providers.Connector;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Providers.Tests.Client;
using BirdInfra.Providers.Tests.Support;
using static BirdInfra.Providers.Tests.Kinds.P;

namespace BirdInfra.Providers.Tests.Kinds;

/// <summary>A create whose answer is lost, settled by the shared recovery rule: Bird is a fake kind's list in memory.</summary>
public sealed class ExactlyOnceCreateTests : IDisposable
{
    private static readonly PropertyMap Inputs = Map(("name", S("cc")));

    private static readonly IReadOnlySet<string> NoneOwned = new HashSet<string>();

    private readonly RecordingClient _client = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task RunAsync_WhenTheAnswerIsLost_AdoptsTheObjectWithoutCreatingAgain()
    {
        var kind = new FakeBirdKind { AnswersToLose = 1 };

        var created = await ExactlyOnceCreate.RunAsync(kind, Context(), Inputs, "Fake:cc", NoneOwned, "Fake 'cc'", CancellationToken.None);

        created.Id.Should().Be("made-1");
        kind.Creates.Should().Be(1);
        kind.Live.Should().ContainSingle();
    }

    [Fact]
    public async Task RunAsync_WhenTheAnswerIsLostForAKindWithACreateOnlySecret_DeletesTheObjectAndCreatesItAgain()
    {
        var kind = new FakeBirdKind(createOnlySecret: true) { AnswersToLose = 1 };

        var created = await ExactlyOnceCreate.RunAsync(kind, Context(), Inputs, "Fake:cc", NoneOwned, "Fake 'cc'", CancellationToken.None);

        kind.Deleted.Should().Equal("made-1");
        created.Id.Should().Be("made-2");
        kind.Live.Select(l => l.Id).Should().Equal("made-2");
    }

    [Fact]
    public async Task RunAsync_WhenTheAnswerIsLostAndSeveralUnownedObjectsMatch_StopsNamingThem_AndTouchesNone()
    {
        var kind = new FakeBirdKind { AnswersToLose = 1 };
        kind.Live.Add(FakeBirdKind.Object("someone-elses", "cc"));

        var run = () => ExactlyOnceCreate.RunAsync(kind, Context(), Inputs, "Fake:cc", NoneOwned, "Fake 'cc'", CancellationToken.None);

        var failure = (await run.Should().ThrowAsync<CreateOutcomeUnknownException>()).Which;
        failure.Message.Should().Contain("POST /fakes failed").And.Contain("(made-1, someone-elses)");
        failure.Ambiguity.Should().NotBeNull();
        kind.Creates.Should().Be(1);
        kind.Deleted.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_LeavesOutObjectsTheCallerOwns()
    {
        var kind = new FakeBirdKind { AnswersToLose = 1 };
        kind.Live.Add(FakeBirdKind.Object("owned-old", "cc"));

        var created = await ExactlyOnceCreate.RunAsync(kind, Context(), Inputs, "Fake:cc", new HashSet<string> { "owned-old" }, "Fake 'cc'", CancellationToken.None);

        created.Id.Should().Be("made-1");
    }

    [Fact]
    public async Task RunAsync_WhenNothingIsFoundAfterEachLostAnswer_GivesUpAfterThreeCreates()
    {
        var kind = new FakeBirdKind(createOnlySecret: true) { AnswersToLose = ExactlyOnceCreate.MaxCreates };

        var run = () => ExactlyOnceCreate.RunAsync(kind, Context(), Inputs, "Fake:cc", NoneOwned, "Fake 'cc'", CancellationToken.None);

        (await run.Should().ThrowAsync<CreateOutcomeUnknownException>()).WithMessage("*gave up after 3 creates whose answers were lost*");
        kind.Creates.Should().Be(ExactlyOnceCreate.MaxCreates);
        kind.Live.Should().BeEmpty("each tokenless object was deleted");
    }

    [Fact]
    public async Task RunAsync_WhenTheAdoptedObjectsLateOutputsNeverCome_FailsAtTheTimeoutWithTheObjectRecorded()
    {
        var kind = new FakeBirdKind(lateOutputs: new ConnectorChannelWait()) { AnswersToLose = 1 };
        var time = new ManualTimeProvider();
        var context = Context() with { Time = time, LateOutputTimeout = TimeSpan.FromSeconds(10) };

        var run = ExactlyOnceCreate.RunAsync(kind, context, Inputs, "Fake:cc", NoneOwned, "Fake 'cc'", CancellationToken.None);
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, time.TimerScheduledAsync());
            time.AdvanceToNextTimer();
        }

        var failure = (await FluentActions.Awaiting(() => run).Should().ThrowAsync<ResourceInitFailedException>()).Which;
        failure.Snapshot.Id.Should().Be("made-1", "an adopted object is recorded even when it never became ready");
        failure.Message.Should().Contain("did not appear within 10 s");
    }

    [Fact]
    public async Task RunAsync_WhenTheRunIsCancelledAndTheLostCreateMadeNothingToKeep_DoesNotSendItAgain()
    {
        // An access key whose answer was lost is deleted; with the run cancelled it is not made again.
        var kind = new FakeBirdKind(createOnlySecret: true) { AnswersToLose = 1 };
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = () => ExactlyOnceCreate.RunAsync(kind, Context() with { StopWaiting = cancelled.Token }, Inputs, "Fake:cc", NoneOwned, "Fake 'cc'", CancellationToken.None);

        (await run.Should().ThrowAsync<OperationCanceledException>()).Which.CancellationToken.Should().Be(cancelled.Token);
        kind.Creates.Should().Be(1);
        kind.Live.Should().BeEmpty();
    }

    private ProviderContext Context() => new(_client.Client, "org-1", "ws-1");
}
