using BirdInfra.Drift;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Tests.Drift;

/// <summary>The severity of a changed property, as each kind's field table declares it: traffic is a warning, access critical.</summary>
public sealed class DriftSeveritiesTests
{
    private static PropertyValue S(string value) => PropertyValue.String(value);

    [Theory]
    [InlineData("WebhookSubscription", "url", DriftSeverity.Warning)]
    [InlineData("WebhookSubscription", "eventFilters", DriftSeverity.Warning)]
    [InlineData("WebhookSubscription", "status", DriftSeverity.Warning)]
    [InlineData("WebhookSubscription", "event", DriftSeverity.Warning)]
    [InlineData("WebhookSubscription", "service", DriftSeverity.Warning)]
    [InlineData("WebhookSubscription", "template", DriftSeverity.Info)]
    [InlineData("Connector", "phoneNumber", DriftSeverity.Warning)]
    [InlineData("Connector", "phoneId", DriftSeverity.Warning)]
    [InlineData("Connector", "mbPhoneId", DriftSeverity.Warning)]
    [InlineData("Connector", "wabaId", DriftSeverity.Warning)]
    [InlineData("Connector", "connectorTemplateRef", DriftSeverity.Warning)]
    [InlineData("Connector", "name", DriftSeverity.Info)]
    [InlineData("AccessPolicy", "definitions", DriftSeverity.Critical)]
    [InlineData("AccessPolicy", "description", DriftSeverity.Info)]
    [InlineData("AccessRole", "policies", DriftSeverity.Critical)]
    [InlineData("AccessRole", "name", DriftSeverity.Info)]
    [InlineData("AccessKey", "description", DriftSeverity.Info)]
    public void AChangedProperty_HasTheSeverityItsKindDeclares(string kind, string path, DriftSeverity severity) =>
        DriftSeverities.OfChanges(BirdKinds.Default.FindByName(kind), [new DriftChange(path, S("a"), S("b"))]).Should().Be(severity);

    [Fact]
    public void AKindTheRegistryLacks_AndNoChange_AreInfo()
    {
        DriftSeverities.OfChanges(null, [new DriftChange("url", S("a"), S("b"))]).Should().Be(DriftSeverity.Info);
        DriftSeverities.OfChanges(BirdKinds.Default.FindByName("Connector"), []).Should().Be(DriftSeverity.Info);
    }

    [Fact]
    public void SeveralChanges_TakeTheHighest() =>
        DriftSeverities.OfChanges(BirdKinds.Default.FindByName("Connector"), [new DriftChange("name", S("a"), S("b")), new DriftChange("phoneNumber", S("+31612345678"), S("+31612345679"))])
            .Should().Be(DriftSeverity.Warning);
}
