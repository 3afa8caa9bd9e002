namespace BirdInfra.Tests.Stacks;

/// <summary>Finds files of the repository from the test output directory (the corpus is not copied there).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Stacks => Path.Combine(Root, "stacks");

    public static string InvalidCorpus => Path.Combine(Root, "tests", "BirdInfra.Tests", "Corpus", "invalid");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BirdInfra.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No BirdInfra.sln above {AppContext.BaseDirectory}.");
    }
}
