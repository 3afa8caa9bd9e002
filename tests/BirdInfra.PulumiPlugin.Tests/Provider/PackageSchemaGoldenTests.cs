using BirdInfra.Providers.Kinds;
using BirdInfra.PulumiPlugin.Provider;

namespace BirdInfra.PulumiPlugin.Tests.Provider;

/// <summary>
/// The package schema the plugin answers GetSchema with, derived from the kinds' field tables: a change to a table
/// that changes what Pulumi users see shows here. BIRDINFRA_UPDATE_GOLDEN=1 rewrites the committed file.
/// </summary>
public sealed class PackageSchemaGoldenTests
{
    [Fact]
    public void Build_DefaultRegistry_IsTheCommittedSchema()
    {
        var actual = PackageSchemaBuilder.Build(BirdKinds.CreateRegistry(), "0.0.0-golden").Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        var path = GoldenPath();
        if (Environment.GetEnvironmentVariable("BIRDINFRA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        File.Exists(path).Should().BeTrue($"{path} must be committed (run once with BIRDINFRA_UPDATE_GOLDEN=1)");
        actual.Should().Be(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), "the Pulumi package schema must not change unnoticed");
    }

    private static string GoldenPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BirdInfra.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "BirdInfra.PulumiPlugin.Tests", "Provider", "package-schema.golden.json");
            }
        }

        throw new InvalidOperationException($"No BirdInfra.sln above {AppContext.BaseDirectory}.");
    }
}
