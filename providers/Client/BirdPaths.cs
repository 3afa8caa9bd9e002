using Flurl;

namespace BirdInfra.Providers.Client;

/// <summary>
/// Builds Bird API paths from segments with Flurl's URL builder, escaping each segment fully (ids come from state and
/// user input, so a '/' or '?' in one cannot reach another path).
/// </summary>
public static class BirdPaths
{
    public static string Of(params string[] segments)
    {
        var url = new Url("/");
        foreach (var segment in segments)
        {
            url.AppendPathSegment(segment ?? throw new ArgumentNullException(nameof(segments)), fullyEncode: true);
        }

        return url.ToString();
    }
}
