using System.Text;
using System.Text.RegularExpressions;

namespace BirdInfra.Tests.Stacks;

/// <summary>
/// A broken stack file of the corpus and the diagnostics it must produce, read from its header lines
/// <c># expect: BI021 5:3 connectors.main.phoneNumbr</c> (code, line:column, YAML path; no path for file-level problems).
/// </summary>
public sealed partial record CorpusCase(string Name, string Path, IReadOnlyList<string> Expected)
{
    public static IReadOnlyList<CorpusCase> All() =>
        Directory.GetFiles(RepositoryPaths.InvalidCorpus, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(Read)
            .ToList();

    public override string ToString() => Name;

    private static CorpusCase Read(string path)
    {
        // Latin-1 keeps every byte, so files with invalid UTF-8 still yield their ASCII header.
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        var expected = text.Split('\n')
            .Select(line => ExpectLine().Match(line.TrimEnd('\r')))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value.Trim())
            .ToList();
        return new CorpusCase(System.IO.Path.GetFileNameWithoutExtension(path), path, expected);
    }

    [GeneratedRegex("^# expect: (.+)$")]
    private static partial Regex ExpectLine();
}
