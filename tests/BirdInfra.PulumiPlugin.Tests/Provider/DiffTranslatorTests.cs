using System.Collections.Immutable;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.PulumiPlugin.Protos;
using BirdInfra.PulumiPlugin.Provider;
using KindPropertyDiff = BirdInfra.Providers.Kinds.PropertyDiff;

namespace BirdInfra.PulumiPlugin.Tests.Provider;

public sealed class DiffTranslatorTests
{
    private static readonly IResourceKind Webhook = BirdKinds.CreateRegistry().GetByName("WebhookSubscription");

    [Fact]
    public void Same_IsDiffNone()
    {
        var response = DiffTranslator.ToResponse(DiffResult.Same, Webhook.Schema, []);

        response.Changes.Should().Be(DiffResponse.Types.DiffChanges.DiffNone);
        response.HasDetailedDiff.Should().BeTrue();
    }

    [Fact]
    public void Replace_MarksForcingPathsAsReplaceKindsAndTopLevelReplaces()
    {
        var result = new DiffResult(
            DiffOutcome.Replace,
            ImmutableArray.Create(
                new KindPropertyDiff("event", PropertyValue.String("a"), PropertyValue.String("b"), ForcesReplacement: true),
                new KindPropertyDiff("eventFilters[0].value", PropertyValue.String("x"), null, ForcesReplacement: false)),
            DeleteBeforeReplace: true);

        var response = DiffTranslator.ToResponse(result, Webhook.Schema, []);

        response.Changes.Should().Be(DiffResponse.Types.DiffChanges.DiffSome);
        response.Replaces.Should().Equal("event");
        response.Diffs.Should().Equal("event", "eventFilters");
        response.DetailedDiff["event"].Kind.Should().Be(Protos.PropertyDiff.Types.Kind.UpdateReplace);
        response.DetailedDiff["eventFilters[0].value"].Kind.Should().Be(Protos.PropertyDiff.Types.Kind.Delete);
        response.DeleteBeforeReplace.Should().BeTrue();
    }

    [Fact]
    public void IgnoredPaths_AreNotReported()
    {
        var result = new DiffResult(DiffOutcome.Update, [new KindPropertyDiff("url", PropertyValue.String("a"), PropertyValue.String("b"), false)]);

        DiffTranslator.ToResponse(result, Webhook.Schema, ["url"]).Changes.Should().Be(DiffResponse.Types.DiffChanges.DiffNone);
    }

    [Theory]
    [InlineData("definitions[2].actions", "definitions")]
    [InlineData("a.b", "a")]
    [InlineData("name", "name")]
    public void TopLevel_IsThePathsFirstSegment(string path, string top) => DiffTranslator.TopLevel(path).Should().Be(top);
}
