using BirdInfra.Providers.Properties;
using BirdInfra.Providers.PulumiWire;
using BirdInfra.PulumiPlugin.Protos;
using BirdInfra.PulumiPlugin.Provider;

namespace BirdInfra.PulumiPlugin.Tests.Provider;

/// <summary>
/// DiffConfig replaces the provider (and every Bird resource made through it) only when the Bird it talks to really
/// changes: the values are compared as Configure would use them.
/// </summary>
public sealed class ProviderConfigDiffTests
{
    private const string Organization = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private const string Workspace = "5d2c0e7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a";

    private static readonly Func<string, string?> Environment = name => name switch
    {
        "BIRD_ORGANIZATION_ID" => Organization,
        "BIRD_WORKSPACE_ID" => Workspace,
        _ => null,
    };

    [Fact]
    public void Diff_WhenTheOrganizationMovesFromTheEnvironmentIntoConfig_ReplacesNothing()
    {
        // The stack ran with BIRD_ORGANIZATION_ID; the user then ran `pulumi config set bird:organizationId` with the same id.
        var response = Diff(Config(("endpoint", "https://api.bird.com")), Config(("endpoint", "https://api.bird.com"), ("organizationId", Organization), ("workspaceId", Workspace)));

        response.Replaces.Should().BeEmpty();
        response.Changes.Should().Be(DiffResponse.Types.DiffChanges.DiffNone);
    }

    [Theory]
    [InlineData("https://api.bird.com", "https://api.bird.com/")]
    [InlineData("https://api.bird.com/", "https://API.bird.com")]
    [InlineData(null, "https://api.bird.com")]
    public void Diff_WhenTheEndpointIsWrittenDifferently_ReplacesNothing(string? before, string after)
    {
        var response = Diff(before is null ? Config() : Config(("endpoint", before)), Config(("endpoint", after)));

        response.Replaces.Should().BeEmpty();
        response.Changes.Should().Be(DiffResponse.Types.DiffChanges.DiffNone);
    }

    [Fact]
    public void Diff_WhenTheOrganizationReallyChanges_ReplacesTheProvider()
    {
        var response = Diff(Config(("organizationId", Organization)), Config(("organizationId", "0e0c7b5e-8d43-4a55-9a57-2f5b5c6d7e8f")));

        response.Replaces.Should().Equal("organizationId");
        response.DetailedDiff["organizationId"].Kind.Should().Be(PropertyDiff.Types.Kind.UpdateReplace);
    }

    [Fact]
    public void Diff_WhenTheEndpointReallyChanges_ReplacesTheProvider()
    {
        var response = Diff(Config(("endpoint", "https://api.bird.com")), Config(("endpoint", "http://127.0.0.1:5080")));

        response.Replaces.Should().Equal("endpoint");
    }

    [Fact]
    public void Diff_WhenOnlyTheAccessKeyChanges_UpdatesWithoutReplacing()
    {
        var response = Diff(Config(("accessKey", "old-key")), Config(("accessKey", "new-key")));

        response.Replaces.Should().BeEmpty();
        response.Diffs.Should().Equal("accessKey");
    }

    private static DiffResponse Diff(PropertyMap olds, PropertyMap news) =>
        ProviderConfigChecks.Diff(new DiffRequest { OldInputs = PropertyStructConverter.ToStruct(olds), News = PropertyStructConverter.ToStruct(news) }, Environment);

    private static PropertyMap Config(params (string Key, string Value)[] values) =>
        PropertyMap.From(values.Select(v => KeyValuePair.Create(v.Key, PropertyValue.String(v.Value))));
}
