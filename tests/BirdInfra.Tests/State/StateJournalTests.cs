using System.Collections.Immutable;
using System.Text;
using BirdInfra.Apply;
using BirdInfra.Providers.Expressions;
using BirdInfra.Providers.Properties;
using BirdInfra.State;
using BirdInfra.Tests.Reliability;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.State;

/// <summary>
/// The state journal (issue 14, linear persistence): steps are appended to state.journal instead of rewriting state.json,
/// opening state reads snapshot + journal, a torn last entry is ignored and never read as valid, damage before it stops
/// the command, and the journal is folded into the snapshot at the end of a run and when it outgrows its bound.
/// </summary>
public sealed class StateJournalTests : IDisposable
{
    private const string Passphrase = "journal-passphrase";
    private const string Token = "journal-test-token-5d8e0b7a";
    private readonly string _dir = Directory.CreateTempSubdirectory("birdinfra-journal-").FullName;

    private string StatePath => Path.Combine(_dir, "state.json");

    private string JournalPath => Path.Combine(_dir, "state.journal");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Steps_GoToTheJournal_AndOpeningReadsSnapshotPlusJournal()
    {
        // Three keys created one after the other (each: pending, then created) after the snapshot of an empty state.
        var journal = await JournalAsync();
        await CreateKeysAsync(journal, 3);
        var snapshot = await File.ReadAllBytesAsync(StatePath);

        await CreateKeysAsync(journal, 1, first: 4);

        File.ReadAllBytes(StatePath).Should().Equal(snapshot, "a step never rewrites the snapshot");
        File.ReadAllText(JournalPath).Should().NotContain(Token, "secrets are encrypted in the journal as in the snapshot").And.Contain("$secret");
        var (_, opened) = await OpenAsync();
        opened.Resources.Select(r => r.Id).Should().Equal("k-1", "k-2", "k-3", "k-4");
        opened.Pending.Should().BeEmpty();
        opened.Serial.Should().Be(journal.Current.Serial);
        opened.Resources[0].Outputs["token"]!.RevealString().Should().Be(Token + "-1");
    }

    [Fact]
    public async Task APendingCreate_IsOnDiskBeforeTheCallIsSent()
    {
        // A real `up` against the emulator, which holds the policy's create as it arrives (a long latency fault, used up
        // by the request it holds): while Bird has the call and has not answered it, state on disk must already list the
        // create as pending. The run is then killed, so the create is never answered.
        await using var ws = await StackWorkspace.CreateAsync();
        await ws.SendAsync(HttpMethod.Post, "/_emulator/faults", new { method = "POST", path = "/organizations/*/iam-policies", latencyMs = 120_000, remaining = 1 });
        using var run = BirdInfraProcess.Start(ws, "up", "--stack", "e2e", "--yes");
        try
        {
            await WaitUntilTheCreateIsHeldAsync(ws, run);

            var state = await ws.OpenStateAsync();
            state.Pending.Should().ContainSingle(p => p.Address == new ResourceAddress("AccessPolicy", "contact-center"))
                .Which.Should().Match<PendingOperation>(p => p.Operation == "create" && p.NaturalKey == "AccessPolicy:ucx-contact-center" && p.Id == null);
            state.Resources.Should().NotContain(r => r.Address.Kind == "AccessPolicy");
            (await ws.MutatingCallsAsync()).Should().NotContain(c => c.Path.EndsWith("/iam-policies", StringComparison.Ordinal), "the emulator logs a call once it has answered, and the create is still held");
        }
        finally
        {
            run.Kill();
            await run.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task APendingCreate_IsOnDiskOnceRecorded()
    {
        var journal = await JournalAsync();
        var pending = Pending(1);

        await journal.RecordAsync(new PendingRecorded(pending), CancellationToken.None);

        var (_, opened) = await OpenAsync();
        opened.Pending.Should().Equal(pending);
    }

    [Theory]
    [InlineData("cut mid-entry")]
    [InlineData("cut before its newline")]
    [InlineData("last entry garbled")]
    public async Task ATornLastEntry_IsIgnored_NeverReadAsValid(string damage)
    {
        // A run killed while appending the step that recorded key 3: the keys before it and key 3's pending create remain.
        var journal = await JournalAsync();
        await CreateKeysAsync(journal, 2);
        await journal.RecordAsync(new PendingRecorded(Pending(3)), CancellationToken.None);
        var beforeLast = File.ReadAllBytes(JournalPath).Length;
        await journal.RecordAsync([new PendingSettled(Pending(3)), new ResourceRecorded(Key(3))], CancellationToken.None);
        var bytes = File.ReadAllBytes(JournalPath);
        File.WriteAllBytes(JournalPath, damage switch
        {
            "cut mid-entry" => bytes[..(beforeLast + ((bytes.Length - beforeLast) / 2))],
            "cut before its newline" => bytes[..^1],
            _ => [.. bytes[..(beforeLast + 10)], .. Encoding.UTF8.GetBytes("garbage"), .. bytes[(beforeLast + 17)..]],
        });

        var (_, opened) = await OpenAsync();

        opened.Resources.Select(r => r.Id).Should().Equal("k-1", "k-2");
        opened.Pending.Should().Equal([Pending(3)], "the create stays journaled as pending, so the next run looks for it in Bird");
    }

    [Fact]
    public async Task AfterATornEntry_TheNextRunFoldsTheJournalIn_AndJournalsOnCleanly()
    {
        var journal = await JournalAsync();
        await CreateKeysAsync(journal, 2);
        var bytes = File.ReadAllBytes(JournalPath);
        File.WriteAllBytes(JournalPath, bytes[..^5]);

        var (store, state) = await OpenAsync();
        var next = new StateJournal(store, state);
        await next.RecordAsync([new PendingSettled(Pending(2)), new ResourceRecorded(Key(2))], CancellationToken.None);
        await next.RecordAsync(new PendingRecorded(Pending(5)), CancellationToken.None);

        var (_, reopened) = await OpenAsync();
        reopened.Resources.Select(r => r.Id).Should().Equal("k-1", "k-2");
        reopened.Pending.Should().Equal(Pending(5));
    }

    [Fact]
    public async Task ADamagedEntryBeforeTheLast_StopsWithAClearError()
    {
        var journal = await JournalAsync();
        await CreateKeysAsync(journal, 3);
        var lines = File.ReadAllLines(JournalPath);
        lines[2] = lines[2].Replace("k-1", "k-9", StringComparison.Ordinal);
        File.WriteAllText(JournalPath, string.Join("\n", lines) + "\n");

        var act = () => OpenAsync();

        (await act.Should().ThrowAsync<StateException>()).WithMessage($"The state journal {JournalPath} cannot be used: entry 3 does not match its checksum*");
    }

    [Fact]
    public async Task AJournalThatDoesNotContinueTheSnapshot_IsRefused()
    {
        // The snapshot was put back from its backup while the journal of a later snapshot stayed.
        var journal = await JournalAsync();
        await CreateKeysAsync(journal, 1);
        await journal.CompleteAsync(CancellationToken.None);
        await CreateKeysAsync(journal, 1, first: 2);
        File.Copy(StatePath + ".bak", StatePath, overwrite: true);

        var act = () => OpenAsync();

        (await act.Should().ThrowAsync<StateException>()).WithMessage("*state journal*continues snapshot serial*older snapshot was put back*");
    }

    [Fact]
    public async Task Complete_FoldsTheJournalIntoTheSnapshot()
    {
        var journal = await JournalAsync();
        await CreateKeysAsync(journal, 3);

        await journal.CompleteAsync(CancellationToken.None);

        File.Exists(JournalPath).Should().BeFalse();
        File.ReadAllText(StatePath).Should().Contain("\"serial\": " + journal.Current.Serial).And.Contain("k-3");
        (await OpenAsync()).State.Resources.Should().HaveCount(3);
    }

    [Fact]
    public async Task AJournalPastItsBound_IsFoldedIn_DuringTheRun()
    {
        // With a tiny bound, the journal never grows past the snapshot's own size before it is folded in.
        var journal = await JournalAsync(compactionMinimum: 1);
        long largestJournal = 0;
        for (var i = 1; i <= 12; i++)
        {
            await CreateKeysAsync(journal, 1, first: i);
            largestJournal = Math.Max(largestJournal, File.Exists(JournalPath) ? new FileInfo(JournalPath).Length : 0);
        }

        largestJournal.Should().BeLessThan(new FileInfo(StatePath).Length * 2, "the journal is folded in once it is larger than the snapshot");
        var (_, opened) = await OpenAsync();
        opened.Resources.Should().HaveCount(12);
        opened.Serial.Should().Be(journal.Current.Serial);
    }

    [Fact]
    public async Task StepsRecordedTogether_AreAllDurable_InStepOrder()
    {
        // Twenty creates finishing at once (as with --parallel): every one is on disk when its call returns.
        var journal = await JournalAsync();
        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => journal.RecordAsync(new ResourceRecorded(Key(i)), CancellationToken.None)));

        var (_, opened) = await OpenAsync();
        opened.Resources.Select(r => r.Id).Should().BeEquivalentTo(Enumerable.Range(1, 20).Select(i => $"k-{i}"));
        opened.Resources.Select(r => r.Id).Should().Equal(journal.Current.Resources.Select(r => r.Id), "the journal replays the steps in the order they were applied");
    }

    /// <summary>Waits until the emulator has taken the create and holds it: the one-use fault rule is used up as it arrives.</summary>
    private static async Task WaitUntilTheCreateIsHeldAsync(StackWorkspace ws, BirdInfraProcess run)
    {
        await Poll.UntilAsync(
            async () =>
            {
                if ((await ws.GetAsync("/_emulator/faults")).GetProperty("results").GetArrayLength() == 0)
                {
                    return true;
                }

                if (run.HasExited)
                {
                    var ended = await run.WaitAsync(TimeSpan.FromSeconds(5));
                    throw new InvalidOperationException($"`up` exited ({ended.ExitCode}) before its policy create reached the emulator:\n{ended.All}");
                }

                return false;
            },
            TimeSpan.FromSeconds(60),
            "the policy create to reach the emulator");
    }

    private async Task<StateJournal> JournalAsync(long? compactionMinimum = null)
    {
        var (store, state) = await OpenAsync();
        if (compactionMinimum is { } bound)
        {
            store.CompactionMinimum = bound;
        }

        var journal = new StateJournal(store, state);
        await journal.StartAsync(CancellationToken.None);
        return journal;
    }

    private Task<(StateStore Store, StackState State)> OpenAsync() => StateStore.OpenAsync(StatePath, "dev", Passphrase, CancellationToken.None);

    private static async Task CreateKeysAsync(StateJournal journal, int count, int first = 1)
    {
        for (var i = first; i < first + count; i++)
        {
            await journal.RecordAsync(new PendingRecorded(Pending(i)), CancellationToken.None);
            await journal.RecordAsync([new PendingSettled(Pending(i)), new ResourceRecorded(Key(i))], CancellationToken.None);
        }
    }

    private static PendingOperation Pending(int i) =>
        new("create", new ResourceAddress("AccessKey", $"key{i}"), $"AccessKey:key{i}", new DateTimeOffset(2026, 11, 30, 8, 0, i, TimeSpan.Zero));

    private static StateResource Key(int i)
    {
        var inputs = PropertyMap.Empty.With("name", PropertyValue.String($"key{i}"));
        return new StateResource(
            new ResourceAddress("AccessKey", $"key{i}"),
            $"k-{i}",
            inputs,
            inputs.With("id", PropertyValue.String($"k-{i}")).With("token", PropertyValue.SecretString($"{Token}-{i}")),
            ImmutableArray<ResourceAddress>.Empty);
    }
}
