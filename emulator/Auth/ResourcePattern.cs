namespace BirdInfra.Emulator.Auth;

/// <summary>
/// Policy resource patterns: literal segments, <c>*</c> = exactly one segment, <c>**</c> = one or more segments,
/// "all child paths" as Bird's docs put it: <c>/x/**</c> does not match <c>/x</c> itself (docs/bird-api-decisions.md).
/// </summary>
internal static class ResourcePattern
{
    /// <summary>Why a pattern is unusable, or null. Placeholders such as <c>{organizationId}</c> are rejected: Bird matches literal paths.</summary>
    public static string? Problem(string pattern)
    {
        if (!pattern.StartsWith('/'))
        {
            return "must start with '/'";
        }

        if (pattern.IndexOfAny(['{', '}', '$', '?', '#', ' ']) >= 0)
        {
            return "must be a literal path (no placeholders, query or spaces)";
        }

        var segments = Split(pattern);
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s.Contains('*') && s is not ("*" or "**"))
            {
                return "a wildcard must be a whole segment ('*' or '**')";
            }
        }

        return null;
    }

    public static bool Matches(string pattern, string path) => Match(Split(pattern), 0, Split(path), 0);

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    // Deliberately not shared with providers/AccessPolicy/SubtreeCoverage: the emulator reads Bird's docs on its own, so it can catch the client's mistakes.
    private static bool Match(string[] pattern, int p, string[] path, int s)
    {
        while (true)
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

            if (s == path.Length || (pattern[p] != "*" && !string.Equals(pattern[p], path[s], StringComparison.Ordinal)))
            {
                return false;
            }

            p++;
            s++;
        }
    }
}
