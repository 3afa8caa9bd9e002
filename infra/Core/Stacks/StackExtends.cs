
namespace BirdInfra.Stacks;

/// <summary>
/// Resolves a stack file's <c>extends: base.yaml</c> (a path relative to the file; chains allowed) into one effective
/// tree, reporting a wrong value, a missing base or a cycle at the <c>extends</c> value that causes it.
/// </summary>
internal static class StackExtends
{
    /// <param name="files">The chain so far (the stack file first); each base read is added.</param>
    /// <param name="read">Reads a base file's tree, reporting its own problems located in it.</param>
    public static StackNode? Resolve(StackNode? root, string file, DiagnosticBag bag, List<string> files, Func<string, DiagnosticBag, StackNode?> read)
    {
        if (root is not MappingNode top || top.Find(StackKeys.Extends) is not { } entry)
        {
            return root;
        }

        var overlay = StackNodeMerge.Without(top, StackKeys.Extends);
        var at = Location(entry.Value, file, files[0]);
        if (entry.Value is not ScalarNode { IsNull: false } value || string.IsNullOrWhiteSpace(value.Value))
        {
            bag.Add(
                DiagnosticCodes.InvalidExtends,
                $"'extends' must name a stack file, not {entry.Value.Describe()}.",
                "Write the path of the base relative to this file, e.g. extends: base.yaml.",
                at,
                entry.Key.Path);
            return overlay;
        }

        var directory = Path.GetDirectoryName(file) ?? string.Empty;
        var basePath = Path.Combine(directory, value.Value);
        var chain = files.Select(Path.GetFullPath).ToList();
        if (chain.IndexOf(Path.GetFullPath(basePath)) is var index and >= 0)
        {
            var cycle = string.Join(" → ", files.Skip(index).Append(files[index]));
            bag.Add(
                DiagnosticCodes.ExtendsCycle,
                $"'extends: {Text.Shown(value.Value)}' makes a cycle: {cycle}.",
                "A base must not extend, directly or through other bases, a file that extends it: remove one 'extends'.",
                at,
                entry.Key.Path);
            return overlay;
        }

        if (!File.Exists(basePath))
        {
            bag.Add(
                DiagnosticCodes.InvalidExtends,
                $"'extends' names {basePath}, which does not exist.",
                "Write the path of the base relative to this file, e.g. extends: base.yaml (stacks/base.yaml for a file in stacks/).",
                at,
                entry.Key.Path);
            return overlay;
        }

        files.Add(basePath);
        var baseRoot = Resolve(read(basePath, bag), basePath, bag, files, read);
        switch (baseRoot)
        {
            case null:
                return overlay;
            case MappingNode:
                return StackNodeMerge.Merge(baseRoot, overlay);
            default:
                bag.Add(
                    DiagnosticCodes.InvalidExtends,
                    $"The base {basePath} is {baseRoot.Describe()}, not a mapping of stack settings.",
                    "A base is a stack file (target, sections, guards...) that overlays extend.",
                    at,
                    entry.Key.Path);
                return overlay;
        }
    }

    private static SourceLocation Location(StackNode node, string file, string stack) =>
        new SourceLocation(file, node.Line, node.Column) { ExtendedBy = file == stack ? null : stack };
}
