using System.Text.RegularExpressions;

namespace BirdInfra.Stacks.Validation;

/// <summary>Reads the optional <c>compare: { expect: [...] }</c> setting; returns null when something is wrong (BI098).</summary>
internal static partial class CompareReader
{
    private const string Example = "compare: { expect: [\"connectors.*\", \"webhookSubscriptions.*.url\"] }";

    /// <param name="sections">The stack file's sections, which ignore patterns name.</param>
    public static CompareSettings? Read(FieldReader reader, MappingNode top, IReadOnlyList<string> sections)
    {
        if (FieldReader.Optional(top, StackKeys.Compare) is not { } node)
        {
            return CompareSettings.None;
        }

        if (node is not MappingNode compare)
        {
            reader.Report(DiagnosticCodes.InvalidCompareSetting, $"compare must be a mapping, not {node.Describe()}.", $"Write {Example}.", node);
            return null;
        }

        reader.CheckKeys(compare, ["expect"], StackKeys.Compare);
        if (FieldReader.Optional(compare, "expect") is not { } expectNode)
        {
            return CompareSettings.None;
        }

        if (reader.StringList(expectNode, Example, nonEmpty: false) is not { } items)
        {
            return null;
        }

        var valid = true;
        var expectations = ImmutableArray.CreateBuilder<CompareExpectation>();
        foreach (var (item, itemNode) in items)
        {
            var match = Pattern().Match(item);
            if (!match.Success || !sections.Contains(match.Groups["section"].Value))
            {
                var known = string.Join(", ", sections);
                reader.Report(
                    DiagnosticCodes.InvalidCompareSetting,
                    $"'{Text.Shown(item)}' is not an expected difference: write <section>.<logical name glob>[.<property glob>].",
                    $"Sections: {known}. E.g. connectors.* (a connector only one stack has) or webhookSubscriptions.*.url.",
                    itemNode);
                valid = false;
                continue;
            }

            var property = match.Groups["property"].Success ? match.Groups["property"].Value : null;
            expectations.Add(new CompareExpectation(item, match.Groups["section"].Value, match.Groups["name"].Value, property, reader.At(itemNode)));
        }

        return valid ? new CompareSettings(expectations.ToImmutable()) : null;
    }

    /// <summary>An expectation's logical-name glob.</summary>
    private const string NameGlob = "[a-z0-9*][a-z0-9*-]*";

    /// <summary>An expectation's property-path glob.</summary>
    private const string PropertyGlob = @"[A-Za-z*][A-Za-z0-9*_.\[\]-]*";

    /// <summary>What the stack schema accepts as an expectation, for the sections <paramref name="sections"/>.</summary>
    internal static string SchemaPattern(IEnumerable<string> sections) => $@"^({string.Join("|", sections)})\.{NameGlob}(\.{PropertyGlob})?$";

    [GeneratedRegex(@"^(?<section>[A-Za-z]+)\.(?<name>" + NameGlob + @")(\.(?<property>" + PropertyGlob + "))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
