using System.Text.Json;

namespace BirdInfra.Drift;

/// <summary>
/// Whether two values are the same to Bird although their text differs, so drift never reports what Bird normalises:
/// UUIDs in any case, a URL's scheme and host in any case and with or without a trailing slash, and lists whose order
/// Bird does not keep (compared as multisets, items by these same rules). docs/bird-api-decisions.md has the evidence.
/// </summary>
public static class BirdEquivalence
{
    public static bool Same(PropertyValue? expected, PropertyValue? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }

        return (expected.Kind, actual.Kind) switch
        {
            (PropertyKind.String, PropertyKind.String) => Canonical(expected.AsString()) == Canonical(actual.AsString()),
            (PropertyKind.List, PropertyKind.List) => expected.AsList().Select(Key).Order(StringComparer.Ordinal)
                .SequenceEqual(actual.AsList().Select(Key).Order(StringComparer.Ordinal), StringComparer.Ordinal),
            (PropertyKind.Map, PropertyKind.Map) => Key(expected) == Key(actual),
            _ => expected.Equals(actual),
        };
    }

    /// <summary>A value's text after every normalisation above: lists sorted, maps by sorted key, strings canonical.</summary>
    private static string Key(PropertyValue value) => value.Kind switch
    {
        PropertyKind.String => JsonSerializer.Serialize(Canonical(value.AsString())),
        PropertyKind.List => "[" + string.Join(",", value.AsList().Select(Key).Order(StringComparer.Ordinal)) + "]",
        PropertyKind.Map => "{" + string.Join(",", value.AsMap().OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => JsonSerializer.Serialize(kv.Key) + ":" + Key(kv.Value))) + "}",
        _ => value.ToString(),
    };

    private static string Canonical(string text)
    {
        if (Guid.TryParseExact(text, "D", out var uuid))
        {
            return uuid.ToString("D");
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            // Uri lowercases scheme and host; the path keeps its case (paths are case-sensitive), less one trailing slash.
            var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : string.Empty;
            return $"{uri.Scheme}://{uri.Authority}{path}{uri.Query}";
        }

        return text;
    }
}
