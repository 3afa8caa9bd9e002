using System.Text;
using BirdInfra.Providers.StackFiles.Writing;

namespace BirdInfra.Export;

/// <summary>
/// <c>birdinfra export</c>: lists every object of every declarable kind in the target (custom policies only, not
/// Bird's managed ones) and writes them as one stack file. Logical names come from Bird names (lower case, '-',
/// unique per section), in rank order so references can use them; objects are sorted by logical name, then id, so
/// exporting the same Bird twice prints the same file. Reads only.
/// </summary>
public static class StackExporter
{
    private const int MaxLogicalName = 63;

    /// <param name="target">The stack file's <c>target:</c> block, as written, copied to the top of the export.</param>
    public static async Task<StackExport> ExportAsync(KindRegistry registry, ProviderContext context, string stack, string target, CancellationToken cancellationToken)
    {
        var names = new Dictionary<(string Kind, string Id), string>();
        var byOutput = new Dictionary<(string Kind, string Output, string Value), string>();
        var exportContext = new ExportContext(
            context.OrganizationId,
            context.WorkspaceId,
            (kind, id) => names.GetValueOrDefault((kind, id)),
            (kind, value) => registry.FindByName(kind) is { } referenced ? byOutput.GetValueOrDefault((kind, referenced.ReferenceOutput, value)) : null);

        var sections = ImmutableArray.CreateBuilder<(StackSection Section, ImmutableArray<(string Name, ResourceSnapshot Live)> Entries)>();
        foreach (var kind in registry.Declarable)
        {
            var section = kind.Stack!;
            var live = await kind.ListAsync(context, cancellationToken);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var entries = live
                .Select(l => (Base: LogicalName(section.ExportName(l, exportContext), section.Label), Live: l))
                .OrderBy(e => e.Base, StringComparer.Ordinal)
                .ThenBy(e => e.Live.Id, StringComparer.Ordinal)
                .Select(e => (Name: Unique(e.Base, taken), e.Live))
                .ToImmutableArray();
            foreach (var (name, snapshot) in entries)
            {
                names[(kind.Name, snapshot.Id)] = name;
                foreach (var (output, value) in snapshot.Outputs)
                {
                    if (value.Kind == Providers.Properties.PropertyKind.String)
                    {
                        byOutput.TryAdd((kind.Name, output, value.AsString()), name);
                    }
                }
            }

            sections.Add((section, entries));
        }

        var document = ImmutableArray.CreateBuilder<YamlField>();
        var count = 0;
        foreach (var (section, entries) in sections.Where(s => !s.Entries.IsEmpty))
        {
            document.Add(new YamlField(section.Name, new YamlMapping([.. entries.Select(e => new YamlField(e.Name, section.Export(e.Live, e.Name, exportContext)))])));
            count += entries.Length;
        }

        var root = new YamlMapping(document.ToImmutable());
        var variables = EnvironmentVariables(root).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var text = new StringBuilder()
            .Append("# Exported from Bird by `birdinfra export --stack ").Append(stack).Append("`: organization ")
            .Append(context.OrganizationId).Append(", workspace ").Append(context.WorkspaceId).Append('\n');
        if (!variables.IsEmpty)
        {
            text.Append("# Bird never returns secrets: set ").Append(string.Join(", ", variables)).Append(" before `validate`, `import` and `up`.\n");
        }

        text.Append(target.TrimEnd()).Append('\n');
        if (!root.Fields.IsEmpty)
        {
            text.Append('\n').Append(YamlWriter.Write(root));
        }

        return new StackExport(text.ToString(), count, variables);
    }

    /// <summary>Lower case, runs of anything else as one '-', starting with a letter, at most 63 characters.</summary>
    internal static string LogicalName(string birdName, string label)
    {
        var name = new StringBuilder();
        foreach (var c in birdName.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        var text = name.ToString().Trim('-');
        if (text.Length == 0 || !char.IsAsciiLetterLower(text[0]))
        {
            text = (label.Replace(' ', '-') + "-" + text).TrimEnd('-');
        }

        // Room for a "-NN" suffix, should the name be taken.
        return text.Length > MaxLogicalName - 4 ? text[..(MaxLogicalName - 4)].TrimEnd('-') : text;
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{name}-{n}";
        }

        return candidate;
    }

    private static IEnumerable<string> EnvironmentVariables(YamlOut value) => value switch
    {
        YamlMapping { Flow: true, Fields: [{ Key: "env", Value: YamlScalar variable }] } => [variable.Text],
        YamlMapping map => map.Fields.SelectMany(f => EnvironmentVariables(f.Value)),
        YamlSequence list => list.Items.SelectMany(EnvironmentVariables),
        _ => [],
    };
}
