using System.Text;

namespace BirdInfra.Providers.StackFiles;

/// <summary>Helpers for echoing user text safely and suggesting the key a user probably meant.</summary>
internal static class Text
{
    /// <summary>User text as shown in a message: control characters escaped, long values cut.</summary>
    public static string Shown(string value, int max = 80)
    {
        var text = value.Length > max ? value[..(max - 3)] + "..." : value;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(IsForbiddenCharacter(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.ToString();
    }

    /// <summary>
    /// Control characters (C0, DEL, C1) and the bidirectional overrides used to make text read
    /// differently from what it is ("Trojan Source").
    /// </summary>
    public static bool IsForbiddenCharacter(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069' || c is '\u200E' or '\u200F';

    public static int IndexOfForbiddenCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsForbiddenCharacter(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The candidate closest to <paramref name="value"/> by edit distance, if it is close enough to be a typo.</summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        if (value.Length > 64)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(value.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    public static string List(IEnumerable<string> names, int max = 20)
    {
        var all = names.ToList();
        if (all.Count == 0)
        {
            return "(none)";
        }

        var shown = string.Join(", ", all.Take(max));
        return all.Count > max ? $"{shown}, ... ({all.Count - max} more)" : shown;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
