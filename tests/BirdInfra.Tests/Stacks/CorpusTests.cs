using System.Diagnostics;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Stacks;
using BirdInfra.Stacks;
using Xunit.Abstractions;

namespace BirdInfra.Tests.Stacks;

/// <summary>Every broken stack file of the corpus is rejected with exactly the diagnostics its header lists.</summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

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
        var result = StackLoader.Load(corpusCase.Path, CorpusEnvironment);
        stopwatch.Stop();

        // '# expect:' lines list errors only; a warning a file also triggers is not part of its expectation.
        var actual = result.Diagnostics.Where(d => d.IsError).Select(Format).ToList();
        output.WriteLine($"{name}: {stopwatch.Elapsed.TotalMilliseconds:F1} ms");
        foreach (var diagnostic in result.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        result.Stack.Should().BeNull();
        actual.Should().Equal(corpusCase.Expected, $"the header of {name}.yaml lists the expected diagnostics; actual:\n{string.Join("\n", actual.Select(a => "# expect: " + a))}");
        result.Diagnostics.Should().OnlyContain(d => !string.IsNullOrWhiteSpace(d.Hint) && !string.IsNullOrWhiteSpace(d.Message));
        result.Diagnostics.Should().OnlyContain(d => d.Location.File == corpusCase.Path && d.Location.Line >= 1 && d.Location.Column >= 1);
        stopwatch.Elapsed.Should().BeLessThan(TimeLimit);
    }

    [Fact]
    public void Load_WholeCorpus_ReportsTimings()
    {
        var timings = new List<(string Name, double Milliseconds)>();
        foreach (var corpusCase in CorpusCase.All())
        {
            var stopwatch = Stopwatch.StartNew();
            StackLoader.Load(corpusCase.Path, CorpusEnvironment);
            timings.Add((corpusCase.Name, stopwatch.Elapsed.TotalMilliseconds));
        }

        foreach (var (caseName, milliseconds) in timings.OrderByDescending(t => t.Milliseconds).Take(5))
        {
            output.WriteLine($"slowest: {caseName} {milliseconds:F1} ms");
        }

        output.WriteLine($"total: {timings.Sum(t => t.Milliseconds):F1} ms for {timings.Count} files");
        timings.Should().OnlyContain(t => t.Milliseconds < TimeLimit.TotalMilliseconds);
    }

    private static string Format(Diagnostic diagnostic) =>
        $"{diagnostic.Code} {diagnostic.Location.Line}:{diagnostic.Location.Column} {diagnostic.YamlPath}".TrimEnd();
}
