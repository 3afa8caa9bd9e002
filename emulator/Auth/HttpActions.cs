namespace BirdInfra.Emulator.Auth;

/// <summary>Bird's documented HTTP method → policy action mapping.</summary>
internal static class HttpActions
{
    public static string For(string method) => method.ToUpperInvariant() switch
    {
        "POST" => "create",
        "GET" or "HEAD" or "OPTIONS" => "view",
        "PUT" or "PATCH" => "update",
        "DELETE" => "delete",
        _ => "unknown",
    };
}
