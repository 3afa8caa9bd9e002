namespace BirdInfra.Providers.Client;

/// <summary>Builds Bird API paths from segments, escaping each one (ids come from state and user input).</summary>
public static class BirdPaths
{
    public static string Of(params string[] segments) =>
        "/" + string.Join('/', segments.Select(s => Uri.EscapeDataString(s ?? throw new ArgumentNullException(nameof(segments)))));
}
