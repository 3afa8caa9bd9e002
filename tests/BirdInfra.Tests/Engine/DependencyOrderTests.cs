using BirdInfra.Graph;
using BirdInfra.Providers.Expressions;
using BirdInfra.Providers.Kinds;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Engine;

public sealed class DependencyOrderTests
{
    private static readonly (ResourceAddress Address, ResourceAddress[] Deps)[] Scenario =
    [
        (new("WebhookSubscription", "inbound"), [new("Connector", "main")]),
        (new("AccessKey", "cc"), [new("AccessRole", "cc")]),
        (new("Connector", "main"), []),
        (new("AccessRole", "cc"), [new("AccessPolicy", "cc")]),
        (new("AccessPolicy", "cc"), []),
        (new("WebhookSubscription", "created"), []),
    ];

    [Fact]
    public void Sort_PutsEveryResourceAfterWhatItDependsOn_InKindOrder()
    {
        var order = DependencyOrder.Sort(Scenario, s => s.Address, s => s.Deps, BirdKinds.Default).Select(s => s.Address.ToString());

        order.Should().Equal(
            "AccessPolicy.cc",
            "AccessRole.cc",
            "AccessKey.cc",
            "Connector.main",
            "WebhookSubscription.created",
            "WebhookSubscription.inbound");
    }

    [Fact]
    public void Sort_WithoutARegistry_KeepsTheOrderItemsCameIn_WhereDependenciesAllow()
    {
        var order = DependencyOrder.Sort(Scenario, s => s.Address, s => s.Deps).Select(s => s.Address.ToString());

        order.Should().Equal(
            "Connector.main",
            "WebhookSubscription.inbound",
            "AccessPolicy.cc",
            "AccessRole.cc",
            "AccessKey.cc",
            "WebhookSubscription.created");
    }

    [Fact]
    public void KindRank_IsTheTopDownOrderOfBirdKinds()
    {
        var rank = DependencyOrder.KindRank(BirdKinds.Default);

        rank.Should().BeEquivalentTo(BirdKinds.Default.Declarable.Select(k => k.Name), "every declarable kind is ranked once");
        rank.Where(GoldenKinds.FiveNames.Contains).Should().Equal(GoldenKinds.FiveNames);
        DependencyOrder.KindRank(GoldenKinds.Five).Should().Equal(GoldenKinds.FiveNames);
    }

    [Fact]
    public void KindRank_PutsEveryKindASectionReferencesBeforeIt()
    {
        var rank = DependencyOrder.KindRank(BirdKinds.Default).ToList();

        foreach (var kind in BirdKinds.Default.Declarable)
        {
            foreach (var reference in kind.Stack!.References)
            {
                rank.IndexOf(reference.Kind).Should().BeInRange(0, rank.IndexOf(kind.Name) - 1, $"{kind.Name}.{reference.Field} references {reference.Kind}");
            }
        }
    }

    [Fact]
    public void Sort_WithACycle_Throws()
    {
        var a = new ResourceAddress("AccessRole", "a");
        var b = new ResourceAddress("AccessRole", "b");
        var act = () => DependencyOrder.Sort(new[] { (a, new[] { b }), (b, new[] { a }) }, x => x.Item1, x => x.Item2);
        act.Should().Throw<InvalidOperationException>().WithMessage("*cycle*");
    }
}
