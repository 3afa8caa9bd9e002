using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Providers.Tests.Kinds;

public sealed class BirdKindsTests
{
    [Fact]
    public void CreateRegistry_HoldsTheFiveKindsByNameAndToken()
    {
        string[] five = ["AccessPolicy", "AccessRole", "AccessKey", "Connector", "WebhookSubscription"];
        var registry = BirdKinds.CreateRegistry();

        // The five kinds in this order; a kind added since goes anywhere without changing this test.
        registry.All.Select(k => k.Name).Where(five.Contains).Should().Equal(five);
        registry.All.Select(k => k.Name).Should().OnlyHaveUniqueItems();
        registry.All.Should().OnlyContain(k => k.TypeToken == "bird:index:" + k.Name);
        registry.All.Should().OnlyContain(k => registry.FindByToken(k.TypeToken) == k && registry.GetByName(k.Name) == k);
        registry.FindByToken("bird:index:Connector")!.Name.Should().Be("Connector");
    }

    [Fact]
    public void For_TheTargetsOptions_DecideWhetherHttpLoopbackWebhookUrlsAreAccepted()
    {
        var registry = BirdKinds.CreateRegistry();
        var inputs = PropertyMaps.Of(
            ("service", PropertyValue.String("channels")),
            ("event", PropertyValue.String("whatsapp.inbound")),
            ("url", PropertyValue.String("http://127.0.0.1:5000/hook")));

        registry.GetByName("WebhookSubscription").Check(inputs).IsValid.Should().BeFalse("Bird's own rules want https");
        registry.For(KindOptions.Strict).Should().BeSameAs(registry);
        registry.For(new KindOptions(AllowHttpLoopbackWebhooks: true)).GetByName("WebhookSubscription").Check(inputs).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Schemas_FlagExactlyTheSecrets()
    {
        var secrets = BirdKinds.CreateRegistry().All
            .SelectMany(k => k.Schema.Inputs.Concat(k.Schema.Outputs).Where(p => p.Secret).Select(p => $"{k.Name}.{p.Name}"))
            .Distinct();

        secrets.Should().BeEquivalentTo("AccessKey.token", "Connector.accessToken", "WebhookSubscription.signingKey");
    }
}
