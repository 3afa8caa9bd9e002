using System.Collections.Immutable;
using System.Text.Json;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.StackFiles.Reading;
using BirdInfra.Stacks;

namespace BirdInfra.Tests.Stacks;

/// <summary>stacks/stack.schema.json (for editors) is generated from the kinds' sections and accepts exactly the keys the loader accepts.</summary>
public sealed class StackSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepositoryPaths.Stacks, "stack.schema.json");
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(SchemaPath)).RootElement;

    public static TheoryData<string> Sections()
    {
        var data = new TheoryData<string>();
        foreach (var section in BirdKinds.Default.Sections)
        {
            data.Add(section.Name);
        }

        return data;
    }

    [Fact]
    public void Schema_CommittedFile_IsTheOneGeneratedFromTheKinds()
    {
        var generated = StackSchema.Generate(BirdKinds.Default);
        if (Environment.GetEnvironmentVariable("BIRDINFRA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(SchemaPath, generated);
        }

        File.ReadAllText(SchemaPath).Replace("\r\n", "\n", StringComparison.Ordinal).Should().Be(
            generated,
            "stacks/stack.schema.json is generated from the registry (set BIRDINFRA_UPDATE_GOLDEN=1 and run this test to regenerate it)");
    }

    [Fact]
    public void OverlaySchema_CommittedFile_RefersToTheStackSchemasOverlayDefinition()
    {
        var path = Path.Combine(RepositoryPaths.Stacks, "overlay.schema.json");
        var generated = StackSchema.GenerateOverlay();
        if (Environment.GetEnvironmentVariable("BIRDINFRA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, generated);
        }

        File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Should().Be(
            generated,
            "stacks/overlay.schema.json is generated (set BIRDINFRA_UPDATE_GOLDEN=1 and run this test to regenerate it)");
        JsonDocument.Parse(generated).RootElement.GetProperty("$ref").GetString().Should().Be("stack.schema.json#/$defs/overlay", "the overlay schema is the stack schema's overlay definition, so adding a kind leaves it alone");
        var overlay = Schema.GetProperty("$defs").GetProperty("overlay");
        overlay.TryGetProperty("required", out _).Should().BeFalse("an overlay may leave the target to its base");
        foreach (var section in BirdKinds.Default.Sections)
        {
            Schema.GetProperty("$defs").GetProperty($"overlay-{section.SchemaDefinition}").TryGetProperty("required", out _)
                .Should().BeFalse($"an overlay may give only some fields of a {section.Label}");
        }

        var unresolved = References(Schema).Where(r => !Resolves(r)).ToList();
        unresolved.Should().BeEmpty("every reference of the stack and overlay schemas names a definition of the file");
    }

    private static IEnumerable<string> References(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Object => node.EnumerateObject().SelectMany(p =>
            p.Name == "$ref" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : References(p.Value)),
        JsonValueKind.Array => node.EnumerateArray().SelectMany(References),
        _ => [],
    };

    private static bool Resolves(string reference)
    {
        var at = Schema;
        foreach (var segment in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(segment, out at))
            {
                return false;
            }
        }

        return true;
    }

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
        PropertyNames(Schema).Should().Equal(["target", .. BirdKinds.Default.Sections.Select(s => s.Name), "guards", "state", "extends", "compare", "drift"]);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Schema_SectionEntry_AcceptsExactlyTheKeysTheSectionReads(string name)
    {
        var section = BirdKinds.Default.Sections.Single(s => s.Name == name);
        var entry = Schema.GetProperty("$defs").GetProperty(section.SchemaDefinition);

        PropertyNames(entry).Should().BeEquivalentTo(section.Keys);
        entry.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
        Schema.GetProperty("properties").GetProperty(name).GetProperty("additionalProperties").GetProperty("$ref").GetString()
            .Should().Be($"#/$defs/{section.SchemaDefinition}");
    }

    [Theory]
    [InlineData("target", nameof(StackKeys.TargetKeys))]
    [InlineData("fromEnvironment", nameof(StackKeys.ValueFromEnvironment))]
    [InlineData("secret", nameof(StackKeys.Secret))]
    public void Schema_FormatDefinitions_MatchTheLoader(string definition, string keysField)
    {
        var keys = (ImmutableArray<string>)typeof(StackKeys).GetField(keysField)!.GetValue(null)!;
        var node = Schema.GetProperty("$defs").GetProperty(definition);

        PropertyNames(node).Should().BeEquivalentTo(keys);
        node.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Schema_GuardsProperties_MatchTheLoader()
    {
        var guards = Schema.GetProperty("properties").GetProperty("guards");

        PropertyNames(guards).Should().BeEquivalentTo(StackKeys.GuardsKeys);
        guards.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
        guards.GetProperty("properties").GetProperty("protect").GetProperty("items").GetProperty("pattern").GetString()
            .Should().Contain(string.Join("|", BirdKinds.Default.Sections.Select(s => s.Name)));
    }

    private static IEnumerable<string> PropertyNames(JsonElement node) =>
        node.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
}
