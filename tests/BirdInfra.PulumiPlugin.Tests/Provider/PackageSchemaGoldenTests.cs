using System.Text.Json;
using System.Text.Json.Nodes;
using BirdInfra.Providers.Kinds;
using BirdInfra.PulumiPlugin.Provider;

namespace BirdInfra.PulumiPlugin.Tests.Provider;

/// <summary>
/// The package schema the plugin answers GetSchema with, derived from the kinds' field tables: a change to a table that
/// changes what Pulumi users see shows here. One golden file per kind (its resource and its object types), so a new
/// kind adds its own file and changes no other; one for the rest of the package. BIRDINFRA_UPDATE_GOLDEN=1 rewrites them.
/// </summary>
public sealed class PackageSchemaGoldenTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(PackageSchemaBuilder.Build(BirdKinds.CreateRegistry(), "0.0.0-golden"))!.AsObject();

    public static TheoryData<string> Kinds() => [.. BirdKinds.CreateRegistry().All.Select(k => k.Name)];

    [Fact]
    public void Package_WithoutTheKinds_IsTheCommittedSchema()
    {
        var package = Schema.DeepClone().AsObject();
        package.Remove("resources");
        package.Remove("types");

        Match(package, "package");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Kind_ResourceAndTypes_AreTheCommittedSchema(string name)
    {
        var kind = BirdKinds.CreateRegistry().GetByName(name);

        Match(KindPart(kind), name);
    }

    [Fact]
    public void EveryResourceAndType_BelongsToOneKind()
    {
        var kinds = BirdKinds.CreateRegistry().All;

        Schema["resources"]!.AsObject().Select(r => r.Key).Should().BeEquivalentTo(kinds.Select(k => k.TypeToken));
        Schema["types"]!.AsObject().Count.Should().Be(kinds.Sum(k => KindPart(k)["types"]!.AsObject().Count));
    }

    private static JsonObject KindPart(IResourceKind kind) => new()
    {
        ["resource"] = Schema["resources"]![kind.TypeToken]!.DeepClone(),
        ["types"] = new JsonObject(Schema["types"]!.AsObject()
            .Where(t => t.Key.StartsWith(kind.TypeToken, StringComparison.Ordinal))
            .Select(t => KeyValuePair.Create(t.Key, t.Value?.DeepClone()))),
    };

    private static void Match(JsonNode actualNode, string name)
    {
        var actual = actualNode.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        var path = GoldenPath(name);
        if (Environment.GetEnvironmentVariable("BIRDINFRA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        File.Exists(path).Should().BeTrue($"{path} must be committed (run once with BIRDINFRA_UPDATE_GOLDEN=1)");
        actual.Should().Be(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), "the Pulumi package schema must not change unnoticed");
    }

    private static string GoldenPath(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BirdInfra.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "BirdInfra.PulumiPlugin.Tests", "Provider", "PackageSchema", $"{name}.golden.json");
            }
        }

        throw new InvalidOperationException($"No BirdInfra.sln above {AppContext.BaseDirectory}.");
    }
}
