using System.Diagnostics;
using System.Text;
using BirdInfra.Stacks;
using Xunit.Abstractions;

namespace BirdInfra.Tests.Stacks;

/// <summary>
/// Inputs too large to commit, generated here: each is rejected with bounded work and memory, without throwing. Work is
/// measured as bytes allocated on the loading thread, which does not depend on the machine's load (wall-clock limits on
/// a shared 2-core machine do); the time each load took is printed for information only.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("birdinfra-hostile-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Load_FileLargerThanOneMebibyte_IsRejectedWithoutParsing()
    {
        var path = Write("huge.yaml", "target:\n  endpoint: emulator\n# " + new string('x', 64 * 1024 * 1024) + "\n");

        var (result, allocated) = Measure(path);

        result.Stack.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("BI002");
        result.Diagnostics[0].Location.Line.Should().Be(1);
        allocated.Should().BeLessThan(1024 * 1024, "a 64 MiB file is rejected from its length, not read");
    }

    [Fact]
    public void Load_NearlyOneMebibyteOfDeclarations_IsValidatedWithWorkLinearInItsSize()
    {
        var (half, halfAllocated) = Measure(Write("half.yaml", Declarations(500_000)));
        var (result, allocated) = Measure(Write("large.yaml", Declarations(1_000_000)));

        half.Diagnostics.Should().BeEmpty();
        result.Diagnostics.Should().BeEmpty();
        result.Stack!.In("accessPolicies").Should().HaveCountGreaterThan(9_000);
        allocated.Should().BeLessThan(1024L * 1024 * 1024);
        ((double)allocated / halfAllocated).Should().BeLessThan(2.5, "twice the declarations cost about twice the work, not four times");
    }

    [Fact]
    public void Load_OneMebibyteOfErrors_ReportsAtMostFiveHundredAndStops()
    {
        var builder = new StringBuilder("target:\n  endpoint: emulator\naccessRoles:\n");
        for (var i = 0; builder.Length < 1_000_000; i++)
        {
            builder.Append($"  r{i}:\n    policies: [missing]\n");
        }

        var (result, allocated) = Measure(Write("errors.yaml", builder.ToString()));

        result.Diagnostics.Should().HaveCount(501);
        result.Diagnostics[^1].Code.Should().Be("BI013");
        allocated.Should().BeLessThan(1024L * 1024 * 1024);
    }

    [Fact]
    public void Load_ThousandsOfReferencesToThousandsOfDeclarations_StaysLinear()
    {
        var (half, halfAllocated) = Measure(Write("references-half.yaml", References(2_500, broken: false)));
        var (whole, allocated) = Measure(Write("references.yaml", References(5_000, broken: false)));
        var (broken, _) = Measure(Write("references-broken.yaml", References(5_000, broken: true)));

        half.Diagnostics.Should().BeEmpty();
        whole.Diagnostics.Should().BeEmpty();
        whole.Stack!.In("accessRoles").Should().HaveCount(5_000);
        ((double)allocated / halfAllocated).Should().BeLessThan(2.5, "twice the references cost about twice the work, not four times");
        broken.Diagnostics.Should().HaveCount(501, "500 unresolved references are reported, then one line saying the rest were not");
    }

    [Fact]
    public void Load_AliasBombOfTenToTheTwelveNodes_StopsAtTheExpansionLimit()
    {
        var builder = new StringBuilder("target:\n  endpoint: emulator\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 12; i++)
        {
            builder.Append($"x{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var (result, allocated) = Measure(Write("bomb.yaml", builder.ToString()));

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("BI006");
        allocated.Should().BeLessThan(16 * 1024 * 1024);
    }

    [Fact]
    public void Load_NestingTenThousandDeep_StopsAtDepthSixtyFive()
    {
        var path = Write("deep.yaml", "target: " + new string('[', 10_000) + new string(']', 10_000) + "\n");

        var (result, allocated) = Measure(path);

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("BI005");
        result.Diagnostics[0].Location.Column.Should().Be(9 + 63);
        allocated.Should().BeLessThan(16 * 1024 * 1024, "parsing stops at the depth limit");
    }

    [Fact]
    public void Load_RandomMutationsOfTheLocalStack_NeverThrow()
    {
        var original = File.ReadAllBytes(Path.Combine(RepositoryPaths.Stacks, "local.yaml"));
        var random = new Random(20_260_321);
        byte[] alphabet = "\t\n\r :-[]{}&*!|>'\"%@`#,?\\\0\u00ff$"u8.ToArray();
        var slowest = TimeSpan.Zero;
        for (var trial = 0; trial < 500; trial++)
        {
            var bytes = (byte[])original.Clone();
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                bytes[random.Next(bytes.Length)] = random.Next(3) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            var stopwatch = Stopwatch.StartNew();
            var act = () => StackLoader.Load(bytes, "stacks/fuzz.yaml", TestEnvironments.Empty());
            var result = act.Should().NotThrow().Subject;
            slowest = stopwatch.Elapsed > slowest ? stopwatch.Elapsed : slowest;
            (result.Stack is null).Should().Be(result.Diagnostics.Length > 0);
            result.Diagnostics.Should().NotContain(d => d.Hint.Length == 0 || d.Location.Line < 1);
        }

        output.WriteLine($"slowest mutation: {slowest.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public void Load_MissingFile_IsADiagnosticNotAnException()
    {
        var result = StackLoader.Load(Path.Combine(directory, "absent.yaml"), TestEnvironments.Empty());

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("BI001");
    }

    private static string Declarations(int bytes)
    {
        var builder = new StringBuilder("target:\n  endpoint: emulator\naccessPolicies:\n");
        for (var i = 0; builder.Length < bytes; i++)
        {
            builder.Append($"  p{i}:\n    definitions:\n      - {{ effect: allow, actions: [view], resources: [/workspaces/*/channels/*] }}\n");
        }

        return builder.ToString();
    }

    /// <summary><paramref name="count"/> policies and as many roles each naming one; <paramref name="broken"/>: none of the names exists.</summary>
    private static string References(int count, bool broken)
    {
        var builder = new StringBuilder("target:\n  endpoint: emulator\naccessPolicies:\n");
        for (var i = 0; i < count; i++)
        {
            builder.Append($"  p{i}:\n    definitions: [{{ effect: allow, actions: [view], resources: [/x] }}]\n");
        }

        builder.Append("accessRoles:\n");
        for (var i = 0; i < count; i++)
        {
            builder.Append($"  r{i}:\n    policies: [{(broken ? 'q' : 'p')}{i}]\n");
        }

        return builder.ToString();
    }

    private (StackLoadResult Result, long Allocated) Measure(string path)
    {
        StackLoader.Load(Path.Combine(RepositoryPaths.Stacks, "local.yaml"), TestEnvironments.Empty());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var result = StackLoader.Load(path, TestEnvironments.Empty());
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{Path.GetFileName(path)}: {stopwatch.Elapsed.TotalMilliseconds:F1} ms, {allocated / 1024.0 / 1024.0:F1} MiB allocated, {result.Diagnostics.Length} diagnostics");
        return (result, allocated);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
