using System.Collections.Immutable;
using BirdInfra.Graph;
using BirdInfra.Planning;
using BirdInfra.Providers.Expressions;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.State;

namespace BirdInfra.Tests.Planning;

/// <summary>How the planner stands in for outputs known only after apply, and whose words it uses for a replacement.</summary>
public sealed class PlannerWithBirdKindsTests
{
    private static readonly ResourceAddress Policy = new("AccessPolicy", "contact-center");
    private static readonly ResourceAddress Role = new("AccessRole", "contact-center");
    private static readonly ResourceAddress Key = new("AccessKey", "agents");

    [Fact]
    public void Plan_WhenAReferencedPolicyIsStillToBeCreated_LeavesAnUnknownThatNamesItsId()
    {
        var plan = PlanOf(StackState.Empty("dev"), PolicyDeclaration(), RoleDeclaration());

        var id = RoleChange(plan).DesiredInputs!["policies"]!.AsList().Single().AsMap()["id"]!;
        id.IsUnknown.Should().BeTrue();
        id.StandsFor.Should().Be(new UnknownOutput("AccessPolicy.contact-center", "id"));
    }

    [Fact]
    public void Fill_WithTheCreatedPolicysOutputs_PutsItsIdInPlace_AndLeavesWhatIsStillUnknown()
    {
        var inputs = RoleChange(PlanOf(StackState.Empty("dev"), PolicyDeclaration(), RoleDeclaration())).DesiredInputs!;

        var filled = InputResolver.Fill(inputs, r => r == new OutputReference(Policy, "id") ? PropertyValue.String("pol-1") : null);
        var unfilled = InputResolver.Fill(inputs, _ => null);

        filled["policies"]!.AsList().Single().AsMap()["id"].Should().Be(PropertyValue.String("pol-1"));
        filled.Values.Should().NotContain(v => v.ContainsUnknown);
        unfilled["policies"]!.AsList().Single().AsMap()["id"]!.StandsFor.Should().Be(new UnknownOutput("AccessPolicy.contact-center", "id"));
    }

    [Fact]
    public void Plan_WhenThePolicyIsUpToDate_UsesItsRecordedId()
    {
        var policyInputs = BirdKinds.CreateRegistry().GetByName("AccessPolicy").Check(Resolved(PolicyDeclaration().Inputs)).Inputs;
        var state = StackState.Empty("dev").WithResource(new StateResource(Policy, "pol-1", policyInputs, policyInputs.With("id", PropertyValue.String("pol-1")), []));

        var plan = PlanOf(state, PolicyDeclaration(), RoleDeclaration());

        plan.Changes.Single(c => c.Address == Policy).Action.Should().Be(PlanAction.Same);
        RoleChange(plan).DesiredInputs!["policies"]!.AsList().Single().AsMap()["id"].Should().Be(PropertyValue.String("pol-1"));
    }

    [Fact]
    public void Plan_WhenAnAccessKeyChanges_GivesTheKindsReasonAfterTheForcingProperties()
    {
        var kind = BirdKinds.CreateRegistry().GetByName("AccessKey");
        var recorded = kind.Check(PropertyMap.Empty.With("name", PropertyValue.String("agents")).With("description", PropertyValue.String("old"))).Inputs;
        var state = StackState.Empty("dev").WithResource(new StateResource(Key, "key-1", recorded, recorded.With("token", PropertyValue.SecretString("tok")), []));
        var declaration = new ResourceDeclaration(Key, Literal(("name", "agents"), ("description", "new")), null, "accessKeys.agents");

        var change = PlanOf(state, declaration).Changes.Single(c => c.Address == Key);

        change.Action.Should().Be(PlanAction.Replace);
        change.Reason.Should().Be("description, token cannot be updated in place in Bird; this rotates the access key's token");
    }

    private static Plan PlanOf(StackState state, params ResourceDeclaration[] declarations)
    {
        var result = Planner.Plan("dev", new DesiredGraph([.. declarations]), state, BirdKinds.CreateRegistry());
        result.Diagnostics.Should().BeEmpty();
        return result.Plan!;
    }

    private static PlannedChange RoleChange(Plan plan) => plan.Changes.Single(c => c.Address == Role);

    private static ResourceDeclaration PolicyDeclaration() => new(
        Policy,
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, InputExpression>
        {
            ["name"] = new LiteralInput(PropertyValue.String("ucx-contact-center")),
            ["definitions"] = new ListInput([new MapInput(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, InputExpression>
            {
                ["effect"] = new LiteralInput(PropertyValue.String("allow")),
                ["actions"] = new LiteralInput(PropertyValue.List(PropertyValue.String("create"))),
                ["resources"] = new LiteralInput(PropertyValue.List(PropertyValue.String("/workspaces/*/verify"))),
            }))]),
        }),
        null,
        "accessPolicies.contact-center");

    private static ResourceDeclaration RoleDeclaration() => new(
        Role,
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, InputExpression>
        {
            ["name"] = new LiteralInput(PropertyValue.String("ucx")),
            ["policies"] = new ListInput([new MapInput(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, InputExpression>
            {
                ["id"] = new OutputReference(Policy, "id"),
                ["type"] = new LiteralInput(PropertyValue.String("organization")),
            }))]),
        }),
        null,
        "accessRoles.contact-center");

    private static ImmutableSortedDictionary<string, InputExpression> Literal(params (string Key, string Value)[] inputs) =>
        ImmutableSortedDictionary.CreateRange(
            StringComparer.Ordinal,
            inputs.Select(i => KeyValuePair.Create(i.Key, (InputExpression)new LiteralInput(PropertyValue.String(i.Value)))));

    private static PropertyMap Resolved(ImmutableSortedDictionary<string, InputExpression> inputs) =>
        InputResolver.Resolve(inputs, _ => throw new InvalidOperationException("no references here"), null);
}
