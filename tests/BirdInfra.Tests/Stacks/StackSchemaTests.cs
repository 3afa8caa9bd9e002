using BirdInfra.Providers.Stacks.Reading;
using System.Collections.Immutable;
using System.Text.Json;
using BirdInfra.Stacks.Validation;

namespace BirdInfra.Tests.Stacks;

/// <summary>stacks/stack.schema.json (for editors) accepts exactly the keys the loader accepts.</summary>
public sealed class StackSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Stacks, "stack.schema.json"))).RootElement;

    public static TheoryData<string, string> Definitions() => new()
    {
        { "target", nameof(StackKeys.TargetKeys) },
        { "accessPolicy", nameof(StackKeys.Policy) },
        { "policyDefinition", nameof(StackKeys.PolicyDefinition) },
        { "accessRole", nameof(StackKeys.Role) },
        { "accessKey", nameof(StackKeys.AccessKey) },
        { "connector", nameof(StackKeys.Connector) },
        { "webhookSubscription", nameof(StackKeys.Webhook) },
        { "fromEnvironment", nameof(StackKeys.ValueFromEnvironment) },
        { "secret", nameof(StackKeys.Secret) },
    };

    [Fact]
    public void Schema_IsDraft202012AndClosed()
    {
        Schema.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        Schema.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
        Schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("target");
    }

    [Fact]
    public void Schema_TopLevelProperties_MatchTheLoader()
    {
        PropertyNames(Schema).Should().BeEquivalentTo(StackKeys.TopLevel);
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Schema_DefinitionProperties_MatchTheLoader(string definition, string keysField)
    {
        var keys = (ImmutableArray<string>)typeof(StackKeys).GetField(keysField)!.GetValue(null)!;
        var node = Schema.GetProperty("$defs").GetProperty(definition);

        PropertyNames(node).Should().BeEquivalentTo(keys);
        node.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Schema_EventFilterProperties_MatchTheLoader()
    {
        var filter = Schema.GetProperty("$defs").GetProperty("webhookSubscription").GetProperty("properties")
            .GetProperty("eventFilters").GetProperty("items");

        PropertyNames(filter).Should().BeEquivalentTo(StackKeys.EventFilter);
    }

    [Fact]
    public void Schema_GuardsProperties_MatchTheLoader()
    {
        var guards = Schema.GetProperty("properties").GetProperty("guards");

        PropertyNames(guards).Should().BeEquivalentTo(StackKeys.GuardsKeys);
        guards.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
    }

    private static IEnumerable<string> PropertyNames(JsonElement node) =>
        node.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
}
