using BirdInfra.Apply;
using BirdInfra.Graph;
using BirdInfra.Planning;
using BirdInfra.State;
using BirdInfra.Tests.Support;
using static BirdInfra.Tests.Support.Declare;

namespace BirdInfra.Tests.Engine;

/// <summary>
/// How many operations the applier runs at once (issue 14, parallelism): 10 by default, exactly `--parallel N` when given,
/// one at a time with 1, for creates and for deletions, and never a child before its parent.
/// </summary>
public sealed class ApplierParallelismTests : IDisposable
{
    private const string Passphrase = "applier-parallelism-passphrase";
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);
    private readonly string _dir = Directory.CreateTempSubdirectory("birdinfra-parallel-").FullName;
    private readonly FakeBird _bird = new();

    public void Dispose()
    {
        _bird.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData(3, 3)]
    [InlineData(1, 1)]
    public async Task Apply_Creates_RunExactlyTheBoundAtOnce(int? parallel, int expected)
    {
        // Twelve independent parents: the first `expected` creates are held until that many are in Bird at the same time.
        var calls = ConcurrencyProbe.Hold(_bird, expected, Hang);
        var graph = Desired([.. Enumerable.Range(1, 12).Select(i => Parent($"p{i:00}"))]);

        var result = await ApplyAsync(graph, StackState.Empty("dev"), parallel);

        result.Succeeded.Should().BeTrue(string.Join("; ", result.Failures));
        calls.Max.Should().Be(expected, "the applier runs exactly as many operations at once as allowed");
        _bird.Parent.Objects.Should().HaveCount(12);
    }

    [Fact]
    public async Task Apply_Deletions_RunInParallel_ChildrenBeforeTheirParent()
    {
        // Destroy-like plan: one parent with eleven children; the children are deleted four at a time, the parent last.
        var parent = _bird.Parent.Seed(Inputs(("name", "p")));
        var state = StackState.Empty("dev").WithResource(Owned("Parent.p", parent));
        foreach (var i in Enumerable.Range(1, 11))
        {
            state = state.WithResource(Owned($"Child.c{i:00}", _bird.Child.Seed(Inputs(("name", $"c{i:00}"), ("parentId", parent.Id))), dependsOn: "Parent.p"));
        }

        var calls = ConcurrencyProbe.Hold(_bird, 4, Hang);

        var result = await ApplyAsync(Desired(), state, parallel: 4);

        result.Succeeded.Should().BeTrue(string.Join("; ", result.Failures));
        calls.Max.Should().Be(4);
        _bird.Log.Should().HaveCount(12).And.EndWith("delete Parent p", "the parent goes only after every child is gone");
        _bird.Parent.Objects.Should().BeEmpty();
        _bird.Child.Objects.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_WithParallelism_StillStartsAChildOnlyAfterItsParentIsCreated()
    {
        var graph = Desired([.. Enumerable.Range(1, 6).SelectMany(i => new[] { Child($"c{i}", parent: $"p{i}"), Parent($"p{i}") })]);

        var result = await ApplyAsync(graph, StackState.Empty("dev"), parallel: 10);

        result.Succeeded.Should().BeTrue(string.Join("; ", result.Failures));
        var log = _bird.Log.ToList();
        foreach (var i in Enumerable.Range(1, 6))
        {
            log.IndexOf($"create Parent p{i}").Should().BeLessThan(log.IndexOf($"create Child c{i}"));
        }
    }

    private async Task<ApplyResult> ApplyAsync(DesiredGraph graph, StackState state, int? parallel)
    {
        var plan = Planner.Plan("dev", graph, state, _bird.Registry).Plan!;
        var (store, _) = await StateStore.OpenAsync(Path.Combine(_dir, "state.json"), "dev", Passphrase, CancellationToken.None);
        var journal = new StateJournal(store, state);
        var applier = parallel is { } n
            ? new Applier(_bird.Registry, _bird.Context, journal, new Progress<string>(), n)
            : new Applier(_bird.Registry, _bird.Context, journal, new Progress<string>());
        return await applier.ApplyAsync(plan, CancellationToken.None).WaitAsync(Hang);
    }
}
