using System.Text;
using System.Text.RegularExpressions;
using BirdInfra.Cli;
using BirdInfra.Commands;
using BirdInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace BirdInfra.Tests.Examples;

/// <summary>
/// The pipelines in examples/gitops: each is valid YAML of its CI's shape, and every birdinfra command line in it (run as
/// `birdinfra …` or `dotnet run --project infra … -- …`) is accepted by the CLI's own parser for each shipped stack it names.
/// </summary>
public sealed partial class GitOpsExamplesTests
{
    public static TheoryData<string> Files() => new(FileList());

    private static List<string> FileList() => [.. Directory.GetFiles(RepoPaths.Of("examples", "gitops"), "*.yml", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)];

    [Fact]
    public void Examples_CoverGitHubAndGitLab_ForBothEngines()
    {
        FileList().Should().BeEquivalentTo(
            "examples/gitops/github/birdinfra.yml",
            "examples/gitops/github/pulumi.yml",
            "examples/gitops/gitlab/birdinfra.gitlab-ci.yml",
            "examples/gitops/gitlab/pulumi.gitlab-ci.yml");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Example_IsValidYaml_AndEveryBirdInfraCommandLineParses(string file)
    {
        var root = Load(file);
        if (file.Contains("/github/", StringComparison.Ordinal))
        {
            root.Children.Keys.Select(k => k.ToString()).Should().Contain(["on", "jobs"], "a GitHub Actions workflow");
        }
        else
        {
            root.Children.Keys.Select(k => k.ToString()).Should().Contain("stages", "a GitLab CI pipeline");
        }

        var commands = CommandLines(root).ToList();
        commands.Should().NotBeEmpty();
        var stacks = Stacks(root);
        stacks.Should().NotBeEmpty();
        foreach (var stack in stacks)
        {
            File.Exists(RepoPaths.Of("stacks", stack + ".yaml")).Should().BeTrue($"{file} runs stack {stack}, which must be shipped");
        }

        var parser = CliApp.Command(new ConsoleIO(TextWriter.Null, TextWriter.Null, _ => false, _ => null), RepoPaths.Root);
        foreach (var command in commands)
        {
            foreach (var stack in stacks)
            {
                var args = Tokens(command).Select(t => t.Replace("$STACK", stack, StringComparison.Ordinal)).ToArray();
                var parse = parser.Parse(args);
                parse.Errors.Select(e => e.Message).Should().BeEmpty($"`birdinfra {string.Join(' ', args)}` in {file} must parse");
                if (!args.Contains("--all") && !args.Contains("--stacks"))
                {
                    args.Should().Contain(["--stack", stack], $"`{command}` in {file} names its stack");
                }
            }
        }

        if (file.EndsWith("birdinfra.yml", StringComparison.Ordinal) || file.EndsWith("birdinfra.gitlab-ci.yml", StringComparison.Ordinal))
        {
            var all = string.Join('\n', commands);
            all.Should().Contain("validate --stack \"$STACK\"")
                .And.Contain("preview --stack \"$STACK\" --format markdown --out plan.json")
                .And.Contain("up --stack \"$STACK\" --plan plan.json --yes")
                .And.Contain("drift --all --format markdown --detailed-exitcode", "the nightly job checks every stack for drift in one run");
        }
    }

    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(RepoPaths.Of(file)));
        yaml.Load(reader);
        yaml.Documents.Should().ContainSingle();
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>The stacks of the pipeline's matrix (`stack: [dev, prod]` on GitHub, `STACK: [dev, prod]` on GitLab).</summary>
    private static List<string> Stacks(YamlNode root) =>
        [.. Nodes(root).OfType<YamlMappingNode>()
            .SelectMany(m => m.Children.Where(kv => kv.Key.ToString() is "stack" or "STACK" && kv.Value is YamlSequenceNode))
            .SelectMany(kv => ((YamlSequenceNode)kv.Value).Children.Select(c => c.ToString()))
            .Distinct()];

    /// <summary>The arguments of every birdinfra invocation in the pipeline's scripts, up to the first shell operator, with ${{ matrix.stack }} as $STACK.</summary>
    private static IEnumerable<string> CommandLines(YamlNode root)
    {
        foreach (var scalar in Nodes(root).OfType<YamlScalarNode>())
        {
            foreach (var line in (scalar.Value ?? string.Empty).Split('\n'))
            {
                var match = Invocation().Match(line);
                if (match.Success)
                {
                    yield return ShellOperator().Split(match.Groups["args"].Value)[0].Replace("${{ matrix.stack }}", "$STACK", StringComparison.Ordinal).Trim();
                }
            }
        }
    }

    private static IEnumerable<YamlNode> Nodes(YamlNode node) => node switch
    {
        YamlMappingNode map => [map, .. map.Children.SelectMany(kv => Nodes(kv.Key).Concat(Nodes(kv.Value)))],
        YamlSequenceNode sequence => [sequence, .. sequence.Children.SelectMany(Nodes)],
        _ => [node],
    };

    /// <summary>Splits like a shell: whitespace separates, double and single quotes group and are removed.</summary>
    private static List<string> Tokens(string command)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        var inToken = false;
        foreach (var c in command)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inToken = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inToken)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }
            }
            else
            {
                current.Append(c);
                inToken = true;
            }
        }

        if (inToken)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    [GeneratedRegex(@"(?:(?<![\w./$-])birdinfra|dotnet\s+run\s+--project\s+infra\b[^\n]*?\s--)\s+(?<args>[a-z].*)$")]
    private static partial Regex Invocation();

    [GeneratedRegex(@"\s(?:[0-9]?>|\||;|&&|\|\|)")]
    private static partial Regex ShellOperator();
}
