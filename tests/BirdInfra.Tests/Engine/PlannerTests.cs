using System.Collections.Immutable;
using BirdInfra.Graph;
using BirdInfra.Planning;
using BirdInfra.Providers.Expressions;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Refresh;
using BirdInfra.State;
using BirdInfra.Tests.Support;
using static BirdInfra.Tests.Support.Declare;

namespace BirdInfra.Tests.Engine;

/// <summary>The planner on plain values: a desired graph of fake parents and children against a state. No stack file, no HTTP.</summary>
public sealed class PlannerTests : IDisposable
{
    private readonly FakeBird _bird = new();

    public void Dispose() => _bird.Dispose();

    [Fact]
    public void Plan_WhenStateIsEmpty_PlansCreateForEveryDeclaration()
    {
        // A child and its parent are declared (child first), nothing is owned yet.
        var plan = PlanOf(Desired(Child("c", parent: "p"), Parent("p")), StackState.Empty("dev"));

        plan.Changes.Select(c => (c.Address.ToString(), c.Action)).Should().Equal(("Parent.p", PlanAction.Create), ("Child.c", PlanAction.Create));
        plan.Changes.Should().OnlyContain(c => c.Reason == "declared in the stack, not in Bird" && c.Current == null);
        plan.Summary.Should().Be(new PlanSummary(Create: 2, Update: 0, Replace: 0, Delete: 0, Same: 0));

        var parentId = plan.Changes[1].DesiredInputs!["parentId"]!;
        parentId.IsUnknown.Should().BeTrue("the parent's id is known only after apply");
        parentId.StandsFor.Should().Be(new UnknownOutput("Parent.p", "id"));
        plan.Changes[1].Dependencies.Should().Equal(Address("Parent", "p"));
    }

    [Fact]
    public void Plan_WhenInputsUnchanged_PlansNothing()
    {
        // State owns the parent and the child exactly as declared.
        var (_, _, state) = OwnParentAndChild();

        var plan = PlanOf(Desired(Parent("p"), Child("c", parent: "p")), state);

        plan.Changes.Should().OnlyContain(c => c.Action == PlanAction.Same && c.Reason == "up to date" && c.Changes.IsEmpty);
        plan.Changes.Should().HaveCount(2);
        plan.Summary.HasChanges.Should().BeFalse();
        plan.Changes.Should().OnlyContain(c => !c.DesiredInputs!.Any(i => i.Value.ContainsUnknown), "the child's parentId resolves to the id recorded in state");
    }

    [Fact]
    public async Task Plan_WhenRemoteObjectWasDeleted_PlansCreate()
    {
        // The parent was deleted in Bird behind BirdInfra's back; refreshing through the kinds' list calls notices it.
        var (parent, _, state) = OwnParentAndChild();
        _bird.Parent.RemoveOutsideBirdInfra(parent.Id);

        var refresh = await LiveReader.ReadAsync(state, _bird.Registry, _bird.Context, CancellationToken.None);
        var plan = PlanOf(Desired(Parent("p"), Child("c", parent: "p")), refresh.State);

        refresh.Drift.Should().ContainSingle().Which.Should().Match<DriftEntry>(d => d.Address == Address("Parent", "p") && d.Id == parent.Id && d.Description == "deleted outside BirdInfra");
        _bird.Log.Should().BeEquivalentTo(["list Parent", "list Child"], "refresh reads each kind through one list call, never one read per object");
        plan.Changes[0].Should().Match<PlannedChange>(c => c.Address == Address("Parent", "p") && c.Action == PlanAction.Create);

        // The child stays, but points at the parent that will be made again: its parentId is known only after apply.
        var child = plan.Changes[1];
        child.Action.Should().Be(PlanAction.Update);
        child.Reason.Should().Be("changed: parentId");
        child.Changes.Should().ContainSingle().Which.Old.Should().Be(PropertyValue.String(parent.Id));
        child.Changes[0].New!.IsUnknown.Should().BeTrue();
    }

    [Fact]
    public void Plan_WhenAnInputChanges_PlansUpdateWithOldAndNewValues()
    {
        // The parent's size goes from 1 to 2, a property that updates in place.
        var parent = _bird.Parent.Seed(Inputs(("name", "p"), ("size", 1)));
        var state = StackState.Empty("dev").WithResource(Owned("Parent.p", parent));

        var plan = PlanOf(Desired(Parent("p", ("size", Number(2)))), state);

        var change = plan.Changes.Should().ContainSingle().Subject;
        change.Action.Should().Be(PlanAction.Update);
        change.Reason.Should().Be("changed: size");
        change.Changes.Should().Equal(new PropertyDiff("size", PropertyValue.Number(1), PropertyValue.Number(2), ForcesReplacement: false));
        change.Current.Should().Be(parent);
    }

    [Fact]
    public void Plan_WhenKindDiffSaysReplace_PlansReplaceWithReason()
    {
        // The parent moves from zone a to zone b, which the kind cannot change in place.
        var (parent, _, state) = OwnParentAndChild(zone: "a");

        var plan = PlanOf(Desired(Parent("p", ("zone", Text("b"))), Child("c", parent: "p")), state);

        var replace = plan.Changes[0];
        replace.Address.Should().Be(Address("Parent", "p"));
        replace.Action.Should().Be(PlanAction.Replace);
        replace.Reason.Should().Be("zone cannot be updated in place in Bird");
        replace.Changes.Should().Equal(new PropertyDiff("zone", PropertyValue.String("a"), PropertyValue.String("b"), ForcesReplacement: true));
        replace.Current.Should().Be(parent);
        replace.DeleteBeforeReplace.Should().BeFalse("old and new can coexist, so the new one is made first");

        plan.Changes[1].Should().Match<PlannedChange>(c => c.Address == Address("Child", "c") && c.Action == PlanAction.Update && c.Reason == "changed: parentId",
            "the replacement gets a new id, so the child is pointed at it");
    }

    [Fact]
    public void Plan_WhenOldAndNewCannotCoexist_PlansDeleteBeforeReplace()
    {
        // The kind says its replacement must delete the old object first (the same unique key would collide).
        using var bird = new FakeBird(parentDeletesBeforeReplace: true);
        var parent = bird.Parent.Seed(Inputs(("name", "p"), ("zone", "a")));
        var state = StackState.Empty("dev").WithResource(Owned("Parent.p", parent));

        var plan = Planner.Plan("dev", Desired(Parent("p", ("zone", Text("b")))), state, bird.Registry).Plan!;

        plan.Changes.Should().ContainSingle().Which.Should().Match<PlannedChange>(c => c.Action == PlanAction.Replace && c.DeleteBeforeReplace);
    }

    [Fact]
    public void Plan_WhenADeclarationIsRemoved_PlansDeleteAfterDependents()
    {
        // Parent a and its child z are no longer declared. By name alone Parent.a would go first; the dependency decides.
        var parent = _bird.Parent.Seed(Inputs(("name", "a")));
        var child = _bird.Child.Seed(Inputs(("name", "z"), ("parentId", parent.Id)));
        var state = StackState.Empty("dev").WithResource(Owned("Parent.a", parent)).WithResource(Owned("Child.z", child, dependsOn: "Parent.a"));

        var plan = PlanOf(Desired(), state);

        plan.Changes.Select(c => (c.Address.ToString(), c.Action)).Should().Equal(("Child.z", PlanAction.Delete), ("Parent.a", PlanAction.Delete));
        plan.Changes.Should().OnlyContain(c => c.Reason == "no longer declared in the stack" && c.DesiredInputs == null);
        plan.Changes.Select(c => c.Current).Should().Equal(child, parent);
    }

    [Fact]
    public void Plan_PutsEveryDeleteAfterEveryCreateAndUpdate()
    {
        // Parent old goes away while parent new is created and parent kept grows: deletions come last.
        var old = _bird.Parent.Seed(Inputs(("name", "old")));
        var kept = _bird.Parent.Seed(Inputs(("name", "kept"), ("size", 1)));
        var state = StackState.Empty("dev").WithResource(Owned("Parent.old", old)).WithResource(Owned("Parent.kept", kept));

        var plan = PlanOf(Desired(Parent("new"), Parent("kept", ("size", Number(2)))), state);

        plan.Changes.Select(c => (c.Address.ToString(), c.Action)).Should().Equal(
            ("Parent.kept", PlanAction.Update),
            ("Parent.new", PlanAction.Create),
            ("Parent.old", PlanAction.Delete));
    }

    [Fact]
    public void Plan_WhenAKindRejectsInputs_ReportsEveryProblemAndMakesNoPlan()
    {
        // Two declarations with inputs the kind does not know.
        var graph = Desired(Parent("p", ("colour", Text("red"))), Parent("q", ("shape", Text("round"))));

        var result = Planner.Plan("dev", graph, StackState.Empty("dev"), _bird.Registry);

        result.Plan.Should().BeNull();
        result.Diagnostics.Select(d => (d.Code, d.Message, d.YamlPath)).Should().Equal(
            ("BI900", "Parent.p: 'colour' is not a property here.", "Parent.p.colour"),
            ("BI900", "Parent.q: 'shape' is not a property here.", "Parent.q.shape"));
    }

    private Plan PlanOf(DesiredGraph graph, StackState state)
    {
        var result = Planner.Plan("dev", graph, state, _bird.Registry);
        result.Diagnostics.Should().BeEmpty();
        return result.Plan!;
    }

    /// <summary>Bird holds parent p and its child c, both owned by state as they are declared.</summary>
    private (ResourceSnapshot Parent, ResourceSnapshot Child, StackState State) OwnParentAndChild(string? zone = null)
    {
        var parent = _bird.Parent.Seed(zone is null ? Inputs(("name", "p")) : Inputs(("name", "p"), ("zone", zone)));
        var child = _bird.Child.Seed(Inputs(("name", "c"), ("parentId", parent.Id)));
        var state = StackState.Empty("dev").WithResource(Owned("Parent.p", parent)).WithResource(Owned("Child.c", child, dependsOn: "Parent.p"));
        return (parent, child, state);
    }
}
