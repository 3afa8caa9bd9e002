using BirdInfra.Drift;
using BirdInfra.Graph;
using BirdInfra.Providers.Connector;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Refresh;
using BirdInfra.State;

namespace BirdInfra.Tests.Drift;

/// <summary>An object beside the stack whose kind declares nothing for drift is reported by name, info; a kind that does describes it.</summary>
public sealed class BesideDefaultTests
{
    private static readonly ResourceSnapshot HandMade = new(
        "c-1",
        PropertyMaps.Of(("name", PropertyValue.String("hand-made")), ("connectorTemplateRef", PropertyValue.String("whatsapp:1")), ("phoneNumber", PropertyValue.String("+31612345678"))),
        PropertyMaps.Of(("channelId", PropertyValue.String("ch-1")), ("channelStatus", PropertyValue.String("active"))));

    private static DriftReport Detect(IResourceKind kind, params ResourceSnapshot[] live)
    {
        var refresh = new RefreshResult(StackState.Empty("dev"), [], 1)
        {
            Listings = new Dictionary<string, IReadOnlyList<ResourceSnapshot>> { [kind.Name] = live },
        };
        return DriftDetector.Detect("dev", new DesiredGraph([]), StackState.Empty("dev"), refresh, new KindRegistry([kind]), DriftContext.None);
    }

    [Fact]
    public void AKindThatDeclaresNothing_IsReportedByNameWithSeverityInfo()
    {
        var report = Detect(new UndescribedKind(new ConnectorKind()), HandMade, new ResourceSnapshot("c-2", PropertyMap.Empty, PropertyMap.Empty));

        report.Beside.Should().Equal(
            new BesideObject("Connector", "c-1", "hand-made", DriftSeverity.Info, string.Empty),
            new BesideObject("Connector", "c-2", "c-2", DriftSeverity.Info, string.Empty));
    }

    [Fact]
    public void AKindThatDescribesItsObjects_IsReportedAsItSays() =>
        Detect(new ConnectorKind(), HandMade).Beside.Should().Equal(
            new BesideObject("Connector", "c-1", "hand-made", DriftSeverity.Info, "whatsapp:1 number +31612345678, channel ch-1 (active)"));
}
