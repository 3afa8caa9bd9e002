
namespace BirdInfra.Stacks.Validation;

/// <summary>
/// Checks that span declarations: references and unique Bird-side names for every section, then each section's own
/// <see cref="StackSection.CrossRules"/>. No field of any kind is named here.
/// </summary>
internal static class CrossChecks
{
    /// <summary>Beyond this many declarations "did you mean" is skipped, to keep hostile files cheap.</summary>
    private const int MaxSuggestionCandidates = 200;

    public static void Run(FieldReader reader, StackIndex index, IReadOnlyList<StackSection> sections, IReadOnlyList<CheckedEntry> entries)
    {
        var labels = sections.ToDictionary(s => s.Name, s => s.Label, StringComparer.Ordinal);
        References(reader, index, labels);
        BirdNames(reader, index, labels);
        var bySection = entries.ToLookup(e => e.Section);
        foreach (var section in sections)
        {
            SectionRules(reader, section, [.. bySection[section]]);
        }
    }

    private static void References(FieldReader reader, StackIndex index, Dictionary<string, string> labels)
    {
        // Computed once per section: a file may hold thousands of references.
        var declared = labels.Keys.ToDictionary(
            section => section,
            section => (Names: index.DeclaredIn(section).ToHashSet(StringComparer.Ordinal), Listed: Text.List(index.DeclaredIn(section))));
        foreach (var (section, name, node) in index.References)
        {
            var (names, listed) = declared[section];
            if (names.Contains(name))
            {
                continue;
            }

            var closest = names.Count <= MaxSuggestionCandidates ? Text.Closest(name, names) : null;
            var list = $"Declared in {section}: {listed}.";
            reader.Report(
                DiagnosticCodes.UndeclaredReference,
                $"No {labels[section]} '{Text.Shown(name)}' is declared in {section}.",
                closest is null ? list : $"Did you mean '{closest}'? {list}",
                node);
        }
    }

    private static void BirdNames(FieldReader reader, StackIndex index, Dictionary<string, string> labels)
    {
        var first = new Dictionary<(string, string), StackNode>();
        foreach (var (section, name, node) in index.BirdNames)
        {
            if (first.TryAdd((section, name), node))
            {
                continue;
            }

            var other = first[(section, name)];
            reader.Report(
                DiagnosticCodes.DuplicateBirdName,
                $"Another {labels[section]} already has the Bird-side name '{Text.Shown(name)}' (line {other.Line}).",
                "Bird-side names identify objects of one kind: give each declaration its own 'name'.",
                node);
        }
    }

    /// <summary>
    /// A section's own rules across its entries, in the section's order; an entry one rule reported is not compared
    /// by the rules after it, and an entry is left out of a rule when its check failed on an input the rule reads.
    /// </summary>
    private static void SectionRules(FieldReader reader, StackSection section, IReadOnlyList<CheckedEntry> entries)
    {
        var reported = new HashSet<CheckedEntry>(ReferenceEqualityComparer.Instance);
        foreach (var rule in section.CrossRules)
        {
            var compared = entries.Where(e => !reported.Contains(e) && !e.Failures.Any(f => rule.Concerns(f.Path)));
            var breaches = rule switch
            {
                UniqueKeyRule unique => Breaches(reader, rule, compared, unique.Key, AfterTheFirst(unique)),
                GroupLimitRule limit => Breaches(reader, rule, compared, limit.Group, BeyondTheMax(limit)),
                _ => throw new NotSupportedException($"Section {section.Name} declares a rule validate cannot run: {rule.GetType().Name}."),
            };
            reported.UnionWith(breaches);
        }
    }

    /// <summary>
    /// Reports, in order, each entry with a key (one without is not compared) that <paramref name="breach"/> gives a
    /// message for (given the entry, its key and the node the report points at); returns the entries reported.
    /// </summary>
    private static List<CheckedEntry> Breaches(FieldReader reader, CrossRule rule, IEnumerable<CheckedEntry> entries, Func<StackEntry, string?> keyOf, Func<StackEntry, string, StackNode, string?> breach)
    {
        var breaches = new List<CheckedEntry>();
        foreach (var entry in entries)
        {
            if (keyOf(entry.Entry) is not { } key)
            {
                continue;
            }

            var node = NodeOf(rule, entry);
            if (breach(entry.Entry, key, node) is { } message)
            {
                reader.Report(rule.Code, message, rule.Hint, node);
                breaches.Add(entry);
            }
        }

        return breaches;
    }

    /// <summary>Every entry after the first with its key breaks a unique key.</summary>
    private static Func<StackEntry, string, StackNode, string?> AfterTheFirst(UniqueKeyRule rule)
    {
        var first = new Dictionary<string, StackNode>(StringComparer.Ordinal);
        return (entry, key, node) => first.TryAdd(key, node) ? null : rule.Message(entry, key, first[key].Line);
    }

    /// <summary>Every entry beyond the max of its group breaks a group limit.</summary>
    private static Func<StackEntry, string, StackNode, string?> BeyondTheMax(GroupLimitRule rule)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        return (entry, group, _) =>
        {
            var count = counts[group] = counts.GetValueOrDefault(group) + 1;
            return count > rule.Max ? rule.Message(entry, count) : null;
        };
    }

    private static StackNode NodeOf(CrossRule rule, CheckedEntry entry) =>
        rule.At is { } path && entry.Entry.NodeFor(path) is { } node ? node : entry.Key;
}
