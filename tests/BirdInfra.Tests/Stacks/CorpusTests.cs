using System.Diagnostics;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.StackFiles;
using BirdInfra.Stacks;
using Xunit.Abstractions;

namespace BirdInfra.Tests.Stacks;

/// <summary>Every broken stack file of the corpus is rejected with exactly the diagnostics its header lists.</summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    /// <summary>What loading one small broken file may allocate: bounded work, whatever the machine's load.</summary>
    private const long AllocationLimit = 16L * 1024 * 1024;

    /// <summary>The corpus runs with the usual variables set, so only files about missing variables report BI056.</summary>
    private static readonly StackLoadOptions CorpusEnvironment = TestEnvironments.With(TestEnvironments.Real);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var corpusCase in CorpusCase.All())
        {
            data.Add(corpusCase.Name);
        }

        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastSixtyFilesEachWithExpectations()
    {
        var cases = CorpusCase.All();
        cases.Should().HaveCountGreaterThanOrEqualTo(60);
        cases.Where(c => c.Expected.Count == 0).Select(c => c.Name).Should().BeEmpty("every corpus file lists its expected diagnostics");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_BrokenStack_ReportsExactlyTheExpectedDiagnostics(string name)
    {
        var corpusCase = CorpusCase.All().Single(c => c.Name == name);
        var stopwatch = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = StackLoader.Load(corpusCase.Path, CorpusEnvironment);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        stopwatch.Stop();

        // '# expect:' lines list errors only; a warning a file also triggers is not part of its expectation.
        var actual = result.Diagnostics.Where(d => d.IsError).Select(Format).ToList();
        output.WriteLine($"{name}: {stopwatch.Elapsed.TotalMilliseconds:F1} ms, {allocated / 1024.0:F0} KiB allocated");
        foreach (var diagnostic in result.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        result.Stack.Should().BeNull();
        actual.Should().Equal(corpusCase.Expected, $"the header of {name}.yaml lists the expected diagnostics; actual:\n{string.Join("\n", actual.Select(a => "# expect: " + a))}");
        result.Diagnostics.Should().OnlyContain(d => !string.IsNullOrWhiteSpace(d.Hint) && !string.IsNullOrWhiteSpace(d.Message));
        result.Diagnostics.Should().OnlyContain(d => d.Location.File == corpusCase.Path && d.Location.Line >= 1 && d.Location.Column >= 1);
        allocated.Should().BeLessThan(AllocationLimit);
    }

    private static string Format(Diagnostic diagnostic) =>
        $"{diagnostic.Code} {diagnostic.Location.Line}:{diagnostic.Location.Column} {diagnostic.YamlPath}".TrimEnd();
}
