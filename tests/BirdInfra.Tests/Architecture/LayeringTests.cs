using System.Text.RegularExpressions;
using BirdInfra.Providers.Kinds;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Architecture;

/// <summary>
/// Where code may live (issue 22): the engine library is called by hosts and never talks to a console; only hosts compose
/// the kind registry; only a kind's own folder (and the registration list) names a kind's namespace; infra/ names no
/// kind, and looks up no section, by text; the engine never blocks on async work. Each rule reads the source files, so a change that breaks it fails here, naming the file.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[] CompositionRoots = ["CliApp.cs", "ProgramRunner.cs", "PluginHost.cs", "BirdKinds.cs"];

    [Fact]
    public void TheEngineLibrary_HoldsNoConsoleOrCommandLineType()
    {
        var offenders = Matches(SourceFiles("infra", "Core"), new Regex(@"\bConsole\.|System\.CommandLine|\bCommandOptions\b|\bConsoleIO\b|\bExitCodes\b"));

        offenders.Should().BeEmpty("infra/Core reports through IEngineHost and results; printing and CLI flags belong to infra/Commands and infra/Cli");
    }

    [Fact]
    public void OnlyHosts_ComposeTheKindRegistry()
    {
        var offenders = Matches(SourceFiles("infra").Concat(SourceFiles("providers")), new Regex(@"\bBirdKinds\."))
            .Where(o => !CompositionRoots.Contains(Path.GetFileName(o.Split(':')[0])));

        offenders.Should().BeEmpty("the registry is passed in; only the CLI, the Pulumi program and the plugin compose it");
    }

    [Fact]
    public void OnlyAKindsOwnFolder_NamesItsNamespace()
    {
        var offenders = new List<string>();
        foreach (var kind in BirdKinds.Default.All)
        {
            var folder = Path.Combine("providers", kind.Name) + Path.DirectorySeparatorChar;
            var own = new Regex($@"\bBirdInfra\.Providers\.{kind.Name}\b");
            offenders.AddRange(Matches(SourceFiles("infra").Concat(SourceFiles("providers")), own)
                .Where(o => !o.StartsWith(folder, StringComparison.Ordinal) && !CompositionRoots.Contains(Path.GetFileName(o.Split(':')[0]))));
        }

        offenders.Should().BeEmpty("the core and the hosts reach a kind only through the registry, so a kind's folder can come and go alone");
    }

    [Fact]
    public void Infra_NamesNoKindAndLooksUpNoSectionAsText()
    {
        // A kind's name anywhere in quotes; a section's name where a section is looked up (section names are plain words,
        // e.g. a sixth kind's "workspaces" is also a JSON field of the access report).
        var kinds = string.Join("|", BirdKinds.Default.All.Select(k => k.Name));
        var sections = string.Join("|", BirdKinds.Default.Sections.Select(s => s.Name));
        var named = new Regex($"(?<!cref=)\"({kinds})\"|\\b(In|Optional|SectionOf|FindBySection)\\([^)]*\"({sections})\"");
        var offenders = Matches(SourceFiles("infra"), named).Where(o => !CompositionRoots.Contains(Path.GetFileName(o.Split(':')[0])));

        offenders.Should().BeEmpty("what the core needs of a kind (its section, its IAM fields, what references it) comes from the registry");
    }

    [Fact]
    public void TheEngineLibrary_NeverBlocksOnAsyncWork()
    {
        var offenders = Matches(SourceFiles("infra", "Core"), new Regex(@"\.GetAwaiter\(\)\.GetResult\(\)|\.Wait\(\)"));

        offenders.Should().BeEmpty("journal appends and every other I/O are async end to end");
    }

    [Fact]
    public void NoTwoNamespaces_ShareTheirLastName()
    {
        // The product's code; the test projects mirror it on purpose (BirdInfra.Tests.Drift tests BirdInfra.Drift).
        var declared = new Regex(@"^namespace ([\w.]+);|^option csharp_namespace = ""([\w.]+)"";");
        var protos = new[] { "infra", "providers" }.SelectMany(f => Directory.EnumerateFiles(RepoPaths.Of(f), "*.proto", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f));
        var namespaces = SourceFiles("infra").Concat(SourceFiles("providers")).Concat(SourceFiles("emulator")).Concat(protos)
            .SelectMany(f => File.ReadLines(RepoPaths.Of(f)).Select(l => declared.Match(l)).Where(m => m.Success))
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Distinct(StringComparer.Ordinal);

        var clashes = namespaces.GroupBy(n => n.Split('.')[^1], StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g.Order(StringComparer.Ordinal)));

        clashes.Should().BeEmpty("a namespace's last name says where its code lives");
    }

    /// <summary>The C# files below a folder of the repository, as paths relative to its root, build output left out.</summary>
    private static IEnumerable<string> SourceFiles(params string[] folder)
    {
        var root = RepoPaths.Of(folder);
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f));
    }

    /// <summary>Each line that matches, as <c>path:line: text</c>; comments count too, since a comment naming a removed type misleads.</summary>
    private static List<string> Matches(IEnumerable<string> files, Regex pattern)
    {
        var found = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(RepoPaths.Of(file));
            for (var i = 0; i < lines.Length; i++)
            {
                if (pattern.IsMatch(lines[i]))
                {
                    found.Add($"{file}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        return found;
    }
}
