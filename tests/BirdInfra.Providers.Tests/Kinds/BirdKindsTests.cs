using BirdInfra.Providers.Kinds;

namespace BirdInfra.Providers.Tests.Kinds;

public sealed class BirdKindsTests
{
    [Fact]
    public void CreateRegistry_HoldsTheFiveKindsByNameAndToken()
    {
        var registry = BirdKinds.CreateRegistry();

        registry.All.Select(k => k.Name).Should().Equal("AccessPolicy", "AccessRole", "AccessKey", "Connector", "WebhookSubscription");
        registry.All.Should().OnlyContain(k => k.TypeToken == "bird:index:" + k.Name);
        registry.FindByToken("bird:index:Connector")!.Name.Should().Be("Connector");
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
