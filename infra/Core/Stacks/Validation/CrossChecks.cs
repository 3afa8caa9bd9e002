using BirdInfra.Providers.Diagnostics;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Stacks;
using BirdInfra.Providers.Stacks.Reading;
using BirdInfra.Providers.Stacks.Yaml;

namespace BirdInfra.Stacks.Validation;

/// <summary>Checks that span declarations: references, unique Bird-side names and numbers, and Bird's subscription rules.</summary>
internal static class CrossChecks
{
    public const int MaxSubscriptionsPerFilterSet = 5;

    /// <summary>Beyond this many declarations "did you mean" is skipped, to keep hostile files cheap.</summary>
    private const int MaxSuggestionCandidates = 200;

    public static void Run(FieldReader reader, StackIndex index, IEnumerable<StackSection> sections)
    {
        var labels = sections.ToDictionary(s => s.Name, s => s.Label, StringComparer.Ordinal);
        References(reader, index, labels);
        BirdNames(reader, index, labels);
        PhoneNumbers(reader, index);
        Subscriptions(reader, index);
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

    private static void PhoneNumbers(FieldReader reader, StackIndex index)
    {
        var first = new Dictionary<string, StackNode>(StringComparer.Ordinal);
        foreach (var (number, node) in index.PhoneNumbers)
        {
            if (!first.TryAdd(number, node))
            {
                reader.Report(
                    DiagnosticCodes.DuplicatePhoneNumber,
                    $"Another connector already installs {number} (line {first[number].Line}).",
                    "Bird allows one WhatsApp connector per number in a workspace: remove one of the two.",
                    node);
            }
        }
    }

    private static void Subscriptions(FieldReader reader, StackIndex index)
    {
        var identities = new Dictionary<string, StackNode>(StringComparer.Ordinal);
        var perFilterSet = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (service, eventName, url, filters, node) in index.Subscriptions)
        {
            var filterSet = $"{service}\n{eventName}\n{filters}";
            if (!identities.TryAdd($"{filterSet}\n{url}", node))
            {
                reader.Report(
                    DiagnosticCodes.DuplicateSubscription,
                    $"Subscription '{Text.Shown(node is ScalarNode s ? s.Value : node.Path)}' repeats another one (line {identities[$"{filterSet}\n{url}"].Line}): same service, event, url and filters.",
                    "Bird rejects identical subscriptions: remove one of the two.",
                    node);
                continue;
            }

            var count = perFilterSet[filterSet] = perFilterSet.GetValueOrDefault(filterSet) + 1;
            if (count > MaxSubscriptionsPerFilterSet)
            {
                reader.Report(
                    DiagnosticCodes.SubscriptionLimit,
                    $"This is subscription number {count} for {service} {eventName} with the same filters; Bird allows {MaxSubscriptionsPerFilterSet}.",
                    "Fan out to more URLs from one of your endpoints, or filter the subscriptions differently.",
                    node);
            }
        }
    }
}
