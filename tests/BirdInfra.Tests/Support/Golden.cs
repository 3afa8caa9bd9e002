namespace BirdInfra.Tests.Support;

/// <summary>
/// Compares text with a golden file under tests/BirdInfra.Tests. A missing golden file fails the test, in CI and
/// outside it; BIRDINFRA_UPDATE_GOLDEN=1 writes (or rewrites) it, the only way one is created.
/// </summary>
public static class Golden
{
    public static void Match(string actual, params string[] relativePath)
    {
        var path = RepoPaths.Of(["tests", "BirdInfra.Tests", .. relativePath]);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("BIRDINFRA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        File.Exists(path).Should().BeTrue(
            $"golden file {path} must be committed: run the test once with BIRDINFRA_UPDATE_GOLDEN=1 to write it, review it and commit it");
        actual.Should().Be(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), $"output must match {path} (set BIRDINFRA_UPDATE_GOLDEN=1 to accept a deliberate change)");
    }
}
