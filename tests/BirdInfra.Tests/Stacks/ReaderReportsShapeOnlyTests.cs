using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.StackFiles;
using BirdInfra.Providers.StackFiles.Reading;
using BirdInfra.Providers.StackFiles.Yaml;
using BirdInfra.Stacks;

namespace BirdInfra.Tests.Stacks;

/// <summary>
/// The sections' readers report only how a stack entry is written (a mapping where a list belongs, an unknown or missing
/// key, a secret source, an interpolation, a reference); every rule about a value is the kind's Check, which the plugin
/// runs too. Each row of tests/Corpus/input-rules.json and each corpus file is read here through the readers alone
/// (no Check): an error code outside the shape codes means a value rule lives in a reader, where the plugin never sees it.
/// A list of references that names nothing (<c>roles: []</c>) is a reference problem, the one empty list a reader reports.
/// </summary>
public sealed class ReaderReportsShapeOnlyTests
{
    /// <summary>Codes about the YAML's shape, the stack format's own value sources and interpolation, and text hygiene.</summary>
    private static readonly ImmutableHashSet<string> ShapeCodes =
    [
        DiagnosticCodes.UnknownKey,
        DiagnosticCodes.WrongType,
        DiagnosticCodes.MissingField,
        DiagnosticCodes.DuplicateListItem,
        DiagnosticCodes.StringTooLong,
        DiagnosticCodes.ControlCharacters,
        DiagnosticCodes.LiteralSecret,
        DiagnosticCodes.InvalidValueSource,
        DiagnosticCodes.GenerateNotAllowed,
        DiagnosticCodes.GenerateLengthOutOfRange,
        DiagnosticCodes.InvalidEnvironmentVariableName,
        DiagnosticCodes.InvalidConfigKey,
        DiagnosticCodes.MissingEnvironmentVariable,
        DiagnosticCodes.InvalidEnvironmentValue,
        DiagnosticCodes.UnknownInterpolation,
        DiagnosticCodes.InterpolationNotAllowed,
    ];

    public static TheoryData<string> Rows() => [.. InputRulesTable.Invalid.Concat(InputRulesTable.Valid).Select(r => r.Id)];

    public static TheoryData<string> CorpusFiles() =>
        [.. Directory.GetFiles(RepositoryPaths.InvalidCorpus, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Rows))]
    public void InputRuleRow_ReadersAlone_ReportOnlyShapeCodes(string id)
    {
        var (yaml, _, _) = InputRulesTable.StackFor(InputRulesTable.Find(id));

        ReaderCodes(yaml).Should().BeSubsetOf(ShapeCodes, $"row {id}: a value rule belongs in the kind's Check");
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void CorpusFile_ReadersAlone_ReportOnlyShapeCodes(string file)
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.InvalidCorpus, file));

        ReaderCodes(yaml).Should().BeSubsetOf(ShapeCodes, $"{file}: a value rule belongs in the kind's Check");
    }

    [Fact]
    public void EmptyWorkspaces_ReadersAlone_ReportNothing_CheckRefusesIt()
    {
        var (yaml, _, _) = InputRulesTable.StackFor(InputRulesTable.Find("key-workspaces-empty"));

        ReaderCodes(yaml).Should().BeEmpty("the readers pass workspaces: [] on as written");
        StackLoader.Load(InputRulesTable.Bytes(yaml), "stacks/input-rules.yaml", TestEnvironments.Empty()).Diagnostics
            .Should().ContainSingle(d => d.Code == DiagnosticCodes.EmptyList, "the access key's Check refuses it");
    }

    /// <summary>The error codes the sections' readers report for every entry of the file, the kinds' checks not run.</summary>
    private static IReadOnlyList<string> ReaderCodes(string yaml)
    {
        var kinds = BirdKinds.Default.For(new KindOptions(AllowHttpLoopbackWebhooks: true));
        var parse = new DiagnosticBag();
        if (YamlTreeReader.Read(yaml, "corpus.yaml", parse, kinds.Sections.Select(s => s.Name).ToHashSet()) is not MappingNode top)
        {
            return [];
        }

        var bag = new DiagnosticBag();
        var reader = new FieldReader("corpus.yaml", bag);
        var sources = new SourceReader(reader, new StackLoadOptions(_ => null, CheckSecretsAvailable: false) { Kinds = kinds });
        var context = new ValidationContext(kinds, reader, sources, new StackIndex(), UsesEmulator: true, AllowHttpWebhooks: true);
        foreach (var kind in kinds.Declarable)
        {
            if (FieldReader.Optional(top, kind.Stack!.Name) is not MappingNode section)
            {
                continue;
            }

            foreach (var entry in section.Entries.Where(e => e.Value is MappingNode))
            {
                kind.Stack.Read(context, kind.Name, entry.Key, (MappingNode)entry.Value);
            }
        }

        var references = kinds.Sections.SelectMany(s => s.References.Select(r => $"{s.Name}.*.{r.Field}")).ToList();
        return [.. bag.ToImmutable()
            .Where(d => d.IsError)
            .Where(d => !(d.Code == DiagnosticCodes.EmptyList && references.Any(r => Matches(d.YamlPath, r))))
            .Select(d => d.Code)
            .Distinct()];
    }

    /// <summary>Whether a YAML path such as <c>accessKeys.cc.roles</c> is <c>accessKeys.*.roles</c>.</summary>
    private static bool Matches(string path, string pattern)
    {
        var parts = path.Split('.');
        var wanted = pattern.Split('.');
        return parts.Length == wanted.Length && parts.Zip(wanted).All(p => p.Second == "*" || p.First == p.Second);
    }
}
