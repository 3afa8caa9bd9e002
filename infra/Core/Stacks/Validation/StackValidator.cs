using System.Text.RegularExpressions;

namespace BirdInfra.Stacks.Validation;

/// <summary>
/// Validates a stack file's YAML tree section by section, reporting every problem, and builds the
/// <see cref="StackDefinition"/> when there is none.
/// </summary>
internal static partial class StackValidator
{
    public static StackDefinition? Validate(StackNode? root, string name, string file, StackLoadOptions options, DiagnosticBag bag)
    {
        var reader = new FieldReader(file, bag);
        var start = new SourceLocation(file, 1, 1);
        if (root is null)
        {
            reader.Report(
                DiagnosticCodes.MissingField,
                "The stack file is empty; it needs at least a target.",
                "Start with target: { endpoint: emulator } or target: { endpoint: https://api.bird.com, ... }; see stacks/README.md.",
                start,
                StackKeys.Target);
            return null;
        }

        var sectionNames = options.Kinds.Sections.Select(s => s.Name).ToList();
        if (root is not MappingNode top)
        {
            reader.Report(
                DiagnosticCodes.TopLevelNotMapping,
                $"The top level of a stack file must be a mapping, not {root.Describe()}.",
                $"Start with 'target:' followed by the sections {string.Join(", ", sectionNames)}.",
                root);
            return null;
        }

        reader.CheckKeys(top, [StackKeys.Target, .. sectionNames, StackKeys.Guards, StackKeys.State, StackKeys.Extends, StackKeys.Compare, DriftReader.Key], "a stack file");
        var sources = new SourceReader(reader, options);
        TargetDefinition? target = null;
        bool? usesEmulator = null;
        var allowHttp = false;
        if (top.Find(StackKeys.Target) is { } targetEntry && FieldReader.Optional(top, StackKeys.Target) is { } targetNode)
        {
            // In Pulumi mode the provider's config supplies ids and access key: the target's variables need not be set.
            var targetSources = options.CheckTargetEnvironment ? sources : new SourceReader(reader, options with { CheckSecretsAvailable = false });
            (target, usesEmulator, allowHttp) = TargetReader.Read(reader, targetSources, targetNode, targetEntry.Key);
        }
        else
        {
            reader.Required(top, StackKeys.Target, start, "Add target: { endpoint: emulator } or target: { endpoint: https://api.bird.com, organizationId: ..., workspaceId: ..., accessKey: ... }.");
        }

        // Bird's value rules are the kinds' own checks; webhook URL rules depend on the target.
        var kinds = options.Kinds.For(new KindOptions(AllowHttpLoopbackWebhooks: usesEmulator == true && allowHttp));
        var context = new ValidationContext(kinds, reader, sources, new StackIndex(), usesEmulator, allowHttp);
        var resources = ImmutableArray.CreateBuilder<StackEntry>();
        var checkedEntries = new List<CheckedEntry>();
        foreach (var kind in kinds.Declarable)
        {
            resources.AddRange(Section(context, top, kind, checkedEntries));
        }

        var guards = GuardReader.Read(context, top, sectionNames);
        var state = StateReader.Read(reader, sources, top);
        var compare = CompareReader.Read(reader, top, sectionNames);
        var drift = DriftReader.Read(reader, top, name, file, [.. kinds.Declarable.Select(k => k.Name)]);
        var access = AccessModel.Of(kinds);
        var expectations = ExpectationReader.Read(reader, top, access?.Key.Section);
        CrossChecks.Run(reader, context.Index, kinds.Sections, checkedEntries);
        if (bag.HasErrors || target is null || guards is null || state is null || compare is null || drift is null)
        {
            return null;
        }

        var stack = new StackDefinition(name, file, target, resources.ToImmutable()) { Guards = guards, State = state, Compare = compare, Drift = drift, Expectations = expectations };
        if (options.CheckExpectations)
        {
            // Only on a stack otherwise valid: the keys' policies are then whole.
            foreach (var broken in ExpectationCheck.Run(stack, StackAccess.Keys(access, stack, file)))
            {
                bag.Add(broken);
            }
        }

        return bag.HasErrors ? null : stack;
    }

    private static ImmutableArray<StackEntry> Section(ValidationContext context, MappingNode top, IResourceKind kind, List<CheckedEntry> checkedEntries)
    {
        var reader = context.Reader;
        var section = kind.Stack!;
        var declared = new List<ScalarNode>();
        context.Index.Declared[section.Name] = declared;
        if (FieldReader.Optional(top, section.Name) is not { } node
            || reader.Mapping(node, section.Name, $"Write {section.Name}: followed by indented entries '<logical-name>:' (or leave the section out).") is not { } mapping)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<StackEntry>();
        foreach (var entry in mapping.Entries)
        {
            declared.Add(entry.Key);
            LogicalName(reader, entry.Key, section.Label);
            if (entry.Value is ScalarNode { IsNull: true })
            {
                reader.Report(
                    DiagnosticCodes.WrongType,
                    $"The {section.Label} '{Text.Shown(entry.Key.Value)}' is empty.",
                    $"Give its fields, indented under it: {section.RequiredFields}.",
                    entry.Value);
                continue;
            }

            if (reader.Mapping(entry.Value, $"The {section.Label} '{Text.Shown(entry.Key.Value)}'", $"Give its fields, indented under it: {section.RequiredFields}.") is { } body)
            {
                if (FieldReader.Optional(body, StackKeys.Protect) is { } protect && reader.Boolean(protect) is { } value)
                {
                    context.Index.Protections.Add((section.Name, entry.Key.Value, value, protect));
                }

                var declaration = section.Read(context, kind.Name, entry.Key, body);
                var failures = EntryChecks.Run(context, kind, declaration);
                checkedEntries.Add(new CheckedEntry(section, declaration, entry.Key, failures));
                result.Add(declaration);
            }
        }

        return result.ToImmutable();
    }

    private static void LogicalName(FieldReader reader, ScalarNode key, string kind)
    {
        if (LogicalNamePattern().IsMatch(key.Value))
        {
            return;
        }

        var suggestion = Suggest(key.Value);
        reader.Report(
            DiagnosticCodes.InvalidLogicalName,
            $"'{Text.Shown(key.Value)}' is not a valid logical name for a {kind}.",
            suggestion is null
                ? "Logical names are 1 to 63 characters: a lower-case letter, then lower-case letters, digits and '-'. Put free text in 'name:'."
                : $"Logical names are 1 to 63 characters: a lower-case letter, then lower-case letters, digits and '-', e.g. '{suggestion}'. Put free text in 'name:'.",
            key);
    }

    private static string? Suggest(string value)
    {
        if (value.Length > 200)
        {
            return null;
        }

        var lowered = NotAllowed().Replace(value.ToLowerInvariant(), "-").Trim('-');
        lowered = lowered.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-');
        lowered = lowered.Length > 63 ? lowered[..63].TrimEnd('-') : lowered;
        return LogicalNamePattern().IsMatch(lowered) ? lowered : null;
    }

    /// <summary>A logical name, without anchors (the stack schema's <c>logicalName</c> and guard addresses use it too).</summary>
    internal const string LogicalNameText = "[a-z][a-z0-9-]{0,62}";

    [GeneratedRegex("^" + LogicalNameText + "$", RegexOptions.CultureInvariant)]
    private static partial Regex LogicalNamePattern();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotAllowed();
}
