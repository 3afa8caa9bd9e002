
namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// Paths and policy resource patterns as segment lists. Empty segments are dropped, so a trailing slash or a doubled
/// slash does not change which rules match (<c>/x/</c> is <c>/x</c>), as the emulator does; Bird documents neither.
/// </summary>
public static class AccessPath
{
    public const string One = "*";
    public const string OneOrMore = "**";

    public static ImmutableArray<string> Segments(string path) =>
        [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>
    /// Whether a policy resource <paramref name="pattern"/> matches the concrete <paramref name="path"/>: a literal segment
    /// matches itself, <c>*</c> exactly one segment, <c>**</c> one or more segments ("all child paths": <c>/x/**</c> does not
    /// match <c>/x</c>).
    /// </summary>
    public static bool Matches(ImmutableArray<string> pattern, ImmutableArray<string> path) => Match(pattern, 0, path, 0);

    public static bool Matches(string pattern, string path) => Matches(Segments(pattern), Segments(path));

    /// <summary>
    /// The workspace a path is inside: <c>/workspaces/{ws}/…</c> or <c>/organizations/{org}/workspaces/{ws}/…</c>; null for
    /// a path outside any workspace (organization-level objects, the workspace list).
    /// </summary>
    public static string? WorkspaceOf(ImmutableArray<string> path) => path switch
    {
        ["workspaces", var ws, ..] => ws,
        ["organizations", _, "workspaces", var ws, ..] => ws,
        _ => null,
    };

    /// <summary>The index of the workspace segment in <paramref name="path"/>, or -1.</summary>
    public static int WorkspaceIndex(ImmutableArray<string> path) => path switch
    {
        ["workspaces", _, ..] => 1,
        ["organizations", _, "workspaces", _, ..] => 3,
        _ => -1,
    };

    private static bool Match(ImmutableArray<string> pattern, int p, ImmutableArray<string> path, int s)
    {
        for (; p < pattern.Length; p++, s++)
        {
            if (pattern[p] == OneOrMore)
            {
                // One or more segments: try every split, shortest first.
                for (var next = s + 1; next <= path.Length; next++)
                {
                    if (Match(pattern, p + 1, path, next))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (s >= path.Length || (pattern[p] != One && !string.Equals(pattern[p], path[s], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return s == path.Length;
    }
}
