using BirdInfra.Apply;
using BirdInfra.Graph;
using BirdInfra.Planning;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Refresh;
using BirdInfra.State;
using BirdInfra.Tests.Support;
using static BirdInfra.Tests.Support.Declare;

namespace BirdInfra.Tests.Engine;

/// <summary>
/// The applier on plain values: plans of fake parents and children applied to an in-memory Bird, with state
/// journaled to a real state file in a temporary folder.
/// </summary>
public sealed class ApplierTests : IDisposable
{
    private const string Passphrase = "applier-tests-passphrase";
    private readonly string _dir = Directory.CreateTempSubdirectory("birdinfra-applier-").FullName;
    private readonly FakeBird _bird = new();

    private string StatePath => Path.Combine(_dir, "state.json");

    public void Dispose()
    {
        _bird.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Apply_CreatesInDependencyOrder()
    {
        // Two children of parent p, and an unrelated parent q, from an empty state; children are declared first.
        var result = await UpAsync(_bird, Desired(Child("c1", parent: "p"), Child("c2", parent: "p"), Parent("p"), Parent("q")), StackState.Empty("dev"));

        result.Succeeded.Should().BeTrue(string.Join("; ", result.Failures));
        result.Completed.Should().Be(4);
        var log = _bird.Log.ToList();
        log.Should().HaveCount(4).And.Contain(["create Parent p", "create Parent q", "create Child c1", "create Child c2"]);
        log.IndexOf("create Parent p").Should().BeLessThan(log.IndexOf("create Child c1")).And.BeLessThan(log.IndexOf("create Child c2"));

        var parentId = result.State.Find(Address("Parent", "p"))!.Id;
        _bird.Child.Objects.Values.Should().HaveCount(2).And.OnlyContain(c => c.Inputs.GetString("parentId") == parentId,
            "the placeholder for the parent's id is replaced by the id Bird gave it");
        result.State.Resources.Select(r => r.Address.ToString()).Should().BeEquivalentTo(["Parent.p", "Parent.q", "Child.c1", "Child.c2"]);
        result.State.Find(Address("Child", "c1"))!.Dependencies.Should().Equal(Address("Parent", "p"));
        result.State.Pending.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_WhenInterrupted_FinishesAndRecordsTheOperationInFlight_AndStartsNothingElse()
    {
        // Ctrl-C arrives while Bird is creating parent p: that create must finish and be recorded (cutting it would
        // leave Bird holding an object nobody saw), and its child must not be started.
        using var interrupt = new CancellationTokenSource();
        _bird.BeforeEachCall = call =>
        {
            if (call == "create Parent p")
            {
                interrupt.Cancel();
            }

            return Task.CompletedTask;
        };
        var planned = Planner.Plan("dev", Desired(Parent("p"), Child("c", parent: "p")), StackState.Empty("dev"), _bird.Registry);
        var (store, _) = await StateStore.OpenAsync(StatePath, "dev", Passphrase, CancellationToken.None);
        var applier = new Applier(_bird.Registry, _bird.Context, new StateJournal(store, StackState.Empty("dev")), new Progress<string>());

        var result = await applier.ApplyAsync(planned.Plan!, interrupt.Token);

        result.Interrupted.Should().BeTrue();
        result.Succeeded.Should().BeFalse();
        result.Completed.Should().Be(1);
        _bird.Log.Should().Equal("create Parent p");
        (await ReadStateFileAsync()).Find(Address("Parent", "p"))!.Id.Should().Be(_bird.Parent.Objects.Keys.Single(), "the finished create is in the state file");
        (await ReadStateFileAsync()).Pending.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_WhenAParentFails_SkipsItsDependents()
    {
        // Bird refuses to create parent p (a definite 400); its child must not be attempted, unrelated q still is.
        _bird.Parent.RefuseNext(FakeKind.Create, "p");

        var result = await UpAsync(_bird, Desired(Parent("p"), Child("c", parent: "p"), Parent("q")), StackState.Empty("dev"));

        result.Succeeded.Should().BeFalse();
        result.Failures.Select(f => f.ToString()).Should().Equal(
            "Create Child c failed: skipped because a resource it depends on failed",
            "Create Parent p failed: create /fake/Parent failed: 400 InvalidPayload: Parent p refused.");
        _bird.Child.Calls(FakeKind.Create).Should().Be(0);
        _bird.Parent.Objects.Values.Select(o => o.Inputs.GetString("name")).Should().Equal("q");
        result.State.Resources.Select(r => r.Address).Should().Equal(Address("Parent", "q"));
        result.State.Pending.Should().BeEmpty("Bird certainly made nothing, so nothing is left to look for on the next run");
        (await ReadStateFileAsync()).Resources.Select(r => r.Address).Should().Equal(Address("Parent", "q"));
    }

    [Fact]
    public async Task Apply_DeletesDependentsBeforeWhatTheyDependOn()
    {
        // Nothing is declared any more: two children and their parent are deleted.
        var parent = _bird.Parent.Seed(Inputs(("name", "a")));
        var first = _bird.Child.Seed(Inputs(("name", "y"), ("parentId", parent.Id)));
        var second = _bird.Child.Seed(Inputs(("name", "z"), ("parentId", parent.Id)));
        var state = StackState.Empty("dev")
            .WithResource(Owned("Parent.a", parent))
            .WithResource(Owned("Child.y", first, dependsOn: "Parent.a"))
            .WithResource(Owned("Child.z", second, dependsOn: "Parent.a"));

        var result = await UpAsync(_bird, Desired(), state);

        result.Succeeded.Should().BeTrue(string.Join("; ", result.Failures));
        _bird.Log.Should().HaveCount(3).And.EndWith("delete Parent a");
        _bird.Log.Take(2).Should().BeEquivalentTo(["delete Child y", "delete Child z"]);
        _bird.Parent.Objects.Should().BeEmpty();
        _bird.Child.Objects.Should().BeEmpty();
        result.State.Resources.Should().BeEmpty();
        (await ReadStateFileAsync()).Resources.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_WhenCreateAnswerIsLost_AdoptsTheObjectInsteadOfCreatingASecond()
    {
        // Bird makes parent p but its answer is lost (a 502 after sending); the child needs p's id.
        _bird.Parent.LoseNextCreateAnswer("p");

        var result = await UpAsync(_bird, Desired(Parent("p"), Child("c", parent: "p")), StackState.Empty("dev"));

        result.Succeeded.Should().BeTrue(string.Join("; ", result.Failures));
        _bird.Log.Should().Equal("create Parent p", "list Parent", "create Child c");
        var only = _bird.Parent.Objects.Values.Should().ContainSingle("the object found by its natural key is adopted, not made twice").Subject;
        result.State.Find(Address("Parent", "p"))!.Id.Should().Be(only.Id);
        _bird.Child.Objects.Values.Single().Inputs.GetString("parentId").Should().Be(only.Id);
        result.State.Pending.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_WhenCreateAnswerIsLost_ForAnObjectWhoseSecretOnlyTheAnswerCarried_DeletesItAndCreatesItAgain()
    {
        // Like an access key's token, the child's token is shown only in the create answer, which is lost.
        using var bird = new FakeBird(childHasCreateOnlySecret: true);
        bird.Child.LoseNextCreateAnswer("c");

        var result = await UpAsync(bird, Desired(Parent("p"), Child("c", parent: "p")), StackState.Empty("dev"));

        result.Succeeded.Should().BeTrue(string.Join("; ", result.Failures));
        bird.Log.Should().Equal("create Parent p", "create Child c", "list Child", "delete Child c", "create Child c");
        var child = bird.Child.Objects.Values.Should().ContainSingle().Subject;
        var owned = result.State.Find(Address("Child", "c"))!;
        owned.Id.Should().Be(child.Id);
        owned.Outputs["token"]!.IsSecret.Should().BeTrue();
        owned.Outputs["token"]!.RevealString().Should().Be(child.Outputs["token"]!.RevealString(), "state holds the token of the object that exists");
    }

    [Fact]
    public async Task Apply_JournalsEachCreateAsPendingBeforeSendingIt()
    {
        // At the moment each create reaches Bird, the state file already names it as pending: a crash then cannot lose it.
        var seen = new List<string>();
        _bird.BeforeEachCall = async call =>
        {
            var onDisk = await ReadStateFileAsync();
            seen.Add($"{call}: pending [{string.Join(", ", onDisk.Pending.Select(p => $"{p.Operation} {p.Address} {p.NaturalKey}"))}]");
        };

        await UpAsync(_bird, Desired(Parent("p"), Child("c", parent: "p")), StackState.Empty("dev"));

        seen.Should().Equal(
            "create Parent p: pending [create Parent.p Parent:p]",
            "create Child c: pending [create Child.c Child:c]");
        (await ReadStateFileAsync()).Pending.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_RecordsEachCompletedOperationInState()
    {
        // Parent o is no longer declared; parent p and its child c are new. Before each call, the state file on disk
        // already holds every operation completed so far.
        var old = _bird.Parent.Seed(Inputs(("name", "o")));
        var state = StackState.Empty("dev").WithResource(Owned("Parent.o", old));
        var seen = new List<string>();
        _bird.BeforeEachCall = async call =>
        {
            var onDisk = File.Exists(StatePath) ? await ReadStateFileAsync() : StackState.Empty("dev");
            seen.Add($"{call}: [{string.Join(", ", onDisk.Resources.Select(r => r.Address))}]");
        };

        var result = await UpAsync(_bird, Desired(Parent("p"), Child("c", parent: "p")), state);

        result.Succeeded.Should().BeTrue(string.Join("; ", result.Failures));
        seen.Should().Equal(
            "create Parent p: [Parent.o]",
            "create Child c: [Parent.o, Parent.p]",
            "delete Parent o: [Parent.o, Parent.p, Child.c]");
        var final = await ReadStateFileAsync();
        final.Resources.Select(r => r.Address.ToString()).Should().Equal("Parent.p", "Child.c");
        final.Resources.Select(r => r.Id).Should().Equal(result.State.Resources.Select(r => r.Id));
        final.Serial.Should().Be(result.State.Serial);
    }

    [Fact]
    public async Task Apply_Replace_CreatesTheNewObjectBeforeDeletingTheOld()
    {
        // Parent p moves from zone a to zone b (a replacement); its child is pointed at the new parent in between.
        var (parent, state) = OwnParentAndChildInZone(_bird, "a");

        var result = await UpAsync(_bird, Desired(Parent("p", ("zone", Text("b"))), Child("c", parent: "p")), state);

        result.Succeeded.Should().BeTrue(string.Join("; ", result.Failures));
        _bird.Log.Should().Equal("create Parent p", "update Child c", "delete Parent p");
        var replacement = _bird.Parent.Objects.Values.Should().ContainSingle().Subject;
        replacement.Id.Should().NotBe(parent.Id);
        replacement.Inputs.GetString("zone").Should().Be("b");
        _bird.Child.Objects.Values.Single().Inputs.GetString("parentId").Should().Be(replacement.Id);
        result.State.Resources.Should().NotContain(r => r.Deposed);
        result.State.Find(Address("Parent", "p"))!.Id.Should().Be(replacement.Id);
    }

    [Fact]
    public async Task Apply_WhenOldAndNewCannotCoexist_DeletesTheOldBeforeCreatingTheNew()
    {
        // Same replacement, but the kind says the old object must go first.
        using var bird = new FakeBird(parentDeletesBeforeReplace: true);
        var (_, state) = OwnParentAndChildInZone(bird, "a");

        var result = await UpAsync(bird, Desired(Parent("p", ("zone", Text("b"))), Child("c", parent: "p")), state);

        result.Succeeded.Should().BeTrue(string.Join("; ", result.Failures));
        bird.Log.Should().Equal("delete Parent p", "create Parent p", "update Child c");
        bird.Parent.Objects.Values.Should().ContainSingle().Which.Inputs.GetString("zone").Should().Be("b");
    }

    [Fact]
    public async Task Apply_ThenRefreshAndPlanAgain_PlansNothing()
    {
        // The proof of normalisation: after an apply, reading Bird again and planning the same graph finds nothing to do.
        var graph = Desired(Parent("p", ("size", Number(3))), Child("c", parent: "p"), Parent("q", ("zone", Text("z"))));
        var applied = await UpAsync(_bird, graph, StackState.Empty("dev"));
        _bird.ClearLog();

        var refresh = await LiveReader.ReadAsync(await ReadStateFileAsync(), _bird.Registry, _bird.Context, CancellationToken.None);
        var again = Planner.Plan("dev", graph, refresh.State, _bird.Registry).Plan!;

        applied.Succeeded.Should().BeTrue(string.Join("; ", applied.Failures));
        refresh.Drift.Should().BeEmpty();
        again.Summary.HasChanges.Should().BeFalse(string.Join("; ", again.Changes.Select(c => $"{c.Address}: {c.Reason}")));
        _bird.Mutations.Should().BeEmpty();
    }

    /// <summary>Plans <paramref name="graph"/> against <paramref name="state"/> and applies it, journaling to the test's state file.</summary>
    private async Task<ApplyResult> UpAsync(FakeBird bird, DesiredGraph graph, StackState state)
    {
        var planned = Planner.Plan("dev", graph, state, bird.Registry);
        planned.Diagnostics.Should().BeEmpty();
        var (store, _) = await StateStore.OpenAsync(StatePath, "dev", Passphrase, CancellationToken.None);
        var applier = new Applier(bird.Registry, bird.Context, new StateJournal(store, state), new Progress<string>());
        return await applier.ApplyAsync(planned.Plan!, CancellationToken.None);
    }

    private async Task<StackState> ReadStateFileAsync() =>
        (await StateStore.OpenAsync(StatePath, "dev", Passphrase, CancellationToken.None)).State;

    private static (ResourceSnapshot Parent, StackState State) OwnParentAndChildInZone(FakeBird bird, string zone)
    {
        var parent = bird.Parent.Seed(Inputs(("name", "p"), ("zone", zone)));
        var child = bird.Child.Seed(Inputs(("name", "c"), ("parentId", parent.Id)));
        var state = StackState.Empty("dev").WithResource(Owned("Parent.p", parent)).WithResource(Owned("Child.c", child, dependsOn: "Parent.p"));
        return (parent, state);
    }
}
