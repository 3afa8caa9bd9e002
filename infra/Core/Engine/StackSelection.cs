using System.Text.RegularExpressions;

namespace BirdInfra.Engine;

/// <summary>
/// The stacks of a many-stack run (<c>--stacks GLOB</c>, <c>--all</c>): every <c>stacks/*.yaml</c> whose name matches,
/// except bases, the files some stack names in <c>extends</c> (they are parts of stacks, not stacks).
/// </summary>
public static class StackSelection
{
    /// <param name="glob">A name glob (<c>*</c> any run of characters, <c>?</c> one), e.g. <c>prod-*</c>; null for every stack.</param>
    public static IReadOnlyList<string> Select(string root, string? glob)
    {
        var directory = Path.Combine(root, "stacks");
        if (!Directory.Exists(directory))
        {
            throw new UserError($"No stacks/ folder in {root}.");
        }

        var files = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var bases = files
            .SelectMany(f => StackLoader.FilesOf(f).Skip(1))
            .Select(Path.GetFullPath)
            .ToHashSet(StringComparer.Ordinal);
        var pattern = glob is null ? null : new Regex("^" + Regex.Escape(glob.EndsWith(".yaml", StringComparison.Ordinal) ? glob[..^5] : glob).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
        var names = files
            .Where(f => !bases.Contains(Path.GetFullPath(f)))
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => pattern is null || pattern.IsMatch(n!))
            .Select(n => n!)
            .ToList();
        if (names.Count == 0)
        {
            throw new UserError(glob is null
                ? $"No stack in {directory}."
                : $"No stack matches '{glob}' in {directory} (bases named in `extends` are not stacks).");
        }

        return names;
    }
}
