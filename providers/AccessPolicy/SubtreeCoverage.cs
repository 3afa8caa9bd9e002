
namespace BirdInfra.Providers.AccessPolicy;

/// <summary>
/// Bird's <c>/x/**</c> means "all paths below /x", not /x itself (docs/bird-api-decisions.md). This finds the
/// <c>/x/**</c> resources of a policy for which no definition of the same policy, with the same effect and each
/// of the row's actions, also covers <c>/x</c>: the usual sign that someone expected <c>**</c> to include it.
/// Resources are compared as written (placeholders such as <c>${organizationId}</c> are plain segments).
/// </summary>
internal static class SubtreeCoverage
{
    private static readonly string[] ConcreteActions = ["create", "view", "update", "delete"];

    /// <summary>Every <c>/x/**</c> whose parent is not covered for all its actions: where it is, the parent, and the actions missing.</summary>
    public static IEnumerable<(int Definition, int Resource, string Parent, ImmutableArray<string> Missing)> Uncovered(IReadOnlyList<AccessPolicyDefinition> definitions)
    {
        for (var d = 0; d < definitions.Count; d++)
        {
            var row = definitions[d];
            for (var r = 0; r < row.Resources.Length; r++)
            {
                if (Parent(row.Resources[r]) is not { } parent)
                {
                    continue;
                }

                var actions = row.Actions.Contains("any") ? ConcreteActions : row.Actions.Where(ConcreteActions.Contains);
                var missing = actions.Where(action => !definitions.Any(other => other.Effect == row.Effect
                        && (other.Actions.Contains("any") || other.Actions.Contains(action))
                        && other.Resources.Any(pattern => Covers(pattern, parent))))
                    .Order(StringComparer.Ordinal)
                    .ToImmutableArray();
                if (!missing.IsEmpty)
                {
                    yield return (d, r, parent, missing);
                }
            }
        }
    }

    /// <summary><c>/x</c> for <c>/x/**</c>; null for anything else, and for <c>/**</c> (its parent is the root, no API path).</summary>
    public static string? Parent(string resource) =>
        resource.EndsWith("/**", StringComparison.Ordinal) && resource.Length > 3 ? resource[..^3] : null;

    /// <summary>
    /// Whether <paramref name="pattern"/> matches every path <paramref name="path"/> stands for: a literal segment
    /// matches only itself, <c>*</c> any one segment (a <c>*</c> too), <c>**</c> one or more segments.
    /// </summary>
    public static bool Covers(string pattern, string path) => Match(Split(pattern), 0, Split(path), 0);

    private static ImmutableArray<string> Split(string path) => [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries)];

    // Deliberately not shared with emulator/Auth/ResourcePattern: the emulator is an independent implementation of Bird, so it can catch this one's mistakes.
    private static bool Match(ImmutableArray<string> pattern, int p, ImmutableArray<string> path, int s)
    {
        if (p == pattern.Length)
        {
            return s == path.Length;
        }

        if (pattern[p] == "**")
        {
            for (var rest = s + 1; rest <= path.Length; rest++)
            {
                if (Match(pattern, p + 1, path, rest))
                {
                    return true;
                }
            }

            return false;
        }

        return s < path.Length
            && (pattern[p] == "*" ? path[s] != "**" : string.Equals(pattern[p], path[s], StringComparison.Ordinal))
            && Match(pattern, p + 1, path, s + 1);
    }
}
