
namespace BirdInfra.Stacks.Validation;

/// <summary>
/// Reads the optional <c>drift</c> setting: <c>ignore</c> (kind plus a name glob or an id) and <c>stacks</c> (stack
/// files beside this one that share its organization or workspace). Returns null when something is wrong.
/// </summary>
internal static class DriftReader
{
    public const string Key = "drift";

    private const string Example = "drift: { ignore: [ { kind: AccessKey, name: \"console-*\" } ], stacks: [dev] }";

    private static readonly ImmutableArray<string> Keys = ["ignore", "stacks"];

    private static readonly ImmutableArray<string> IgnoreKeys = ["kind", "name", "id"];

    public static DriftDefinition? Read(FieldReader reader, MappingNode top, string stackName, string file, IReadOnlyList<string> kinds)
    {
        if (FieldReader.Optional(top, Key) is not { } node)
        {
            return DriftDefinition.None;
        }

        if (reader.Mapping(node, Key, $"Write {Example}, or leave the setting out.") is not { } drift)
        {
            return null;
        }

        reader.CheckKeys(drift, Keys, Key);
        var valid = true;
        var ignore = ImmutableArray.CreateBuilder<DriftIgnoreRule>();
        if (FieldReader.Optional(drift, "ignore") is { } ignoreNode)
        {
            if (reader.List(ignoreNode, "ignore: [ { kind: AccessKey, name: \"console-*\" } ]", nonEmpty: false) is { } items)
            {
                foreach (var item in items)
                {
                    if (Rule(reader, item, kinds) is { } rule)
                    {
                        ignore.Add(rule);
                    }
                    else
                    {
                        valid = false;
                    }
                }
            }
            else
            {
                valid = false;
            }
        }

        var stacks = ImmutableArray.CreateBuilder<string>();
        if (FieldReader.Optional(drift, "stacks") is { } stacksNode)
        {
            if (reader.StringList(stacksNode, "stacks: [dev]", nonEmpty: false) is { } names)
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
                foreach (var (name, nameNode) in names)
                {
                    if (name == stackName || name.IndexOfAny(['/', '\\']) >= 0 || !File.Exists(Path.Combine(directory, name + ".yaml")))
                    {
                        var available = Directory.GetFiles(directory, "*.yaml").Select(Path.GetFileNameWithoutExtension).Where(n => n != stackName).Order(StringComparer.Ordinal).ToList();
                        reader.Report(
                            DiagnosticCodes.UnknownDriftStack,
                            name == stackName
                                ? $"drift.stacks names this stack itself ('{Text.Shown(name)}'); its objects are managed already."
                                : $"drift.stacks names '{Text.Shown(name)}', and there is no stack file {Text.Shown(name)}.yaml beside this one.",
                            $"List other stacks of the same organization or workspace by file name without .yaml{(available.Count > 0 ? ": " + string.Join(", ", available) : string.Empty)}.",
                            nameNode);
                        valid = false;
                        continue;
                    }

                    stacks.Add(name);
                }
            }
            else
            {
                valid = false;
            }
        }

        return valid ? new DriftDefinition(ignore.ToImmutable(), stacks.ToImmutable()) : null;
    }

    private static DriftIgnoreRule? Rule(FieldReader reader, StackNode node, IReadOnlyList<string> kinds)
    {
        if (reader.Mapping(node, "A drift.ignore entry", "Write { kind: AccessKey, name: \"console-*\" } or { kind: WebhookSubscription, id: \"<Bird id>\" }.") is not { } entry)
        {
            return null;
        }

        reader.CheckKeys(entry, IgnoreKeys, "a drift.ignore entry");
        var kind = FieldReader.Optional(entry, "kind") is { } kindNode ? reader.String(kindNode, "kind: AccessKey") : null;
        var name = FieldReader.Optional(entry, "name") is { } nameNode ? reader.String(nameNode, "name: \"console-*\"") : null;
        var id = FieldReader.Optional(entry, "id") is { } idNode ? reader.String(idNode, "id: \"3f2504e0-4f89-41d3-9a0c-0305e82c3301\"") : null;
        if (kind is null || !kinds.Contains(kind))
        {
            var closest = kind is null ? null : Text.Closest(kind, kinds);
            reader.Report(
                DiagnosticCodes.InvalidDriftIgnore,
                kind is null ? "This drift.ignore entry has no kind." : $"'{Text.Shown(kind)}' is not a kind drift reports.",
                (closest is null ? string.Empty : $"Did you mean '{closest}'? ") + $"Write kind: one of {string.Join(", ", kinds)}.",
                FieldReader.Optional(entry, "kind") ?? node);
            return null;
        }

        if ((name is null) == (id is null))
        {
            reader.Report(
                DiagnosticCodes.InvalidDriftIgnore,
                name is null ? "This drift.ignore entry names neither a name nor an id." : "This drift.ignore entry has both a name and an id.",
                "Give exactly one: name (a glob, '*' matches any run of characters, e.g. \"console-*\") or id (the object's Bird id).",
                node);
            return null;
        }

        return new DriftIgnoreRule(kind, name, id, reader.At(node));
    }
}
