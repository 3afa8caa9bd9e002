
namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// Bird's HTTP method → policy action mapping (docs.bird.com/api/api-access/access-policies: POST create, GET/HEAD/OPTIONS
/// view, PUT/PATCH update, DELETE delete; <c>any</c> covers them all). Written apart from the emulator's mapping on purpose.
/// </summary>
public static class AccessActions
{
    public const string Any = "any";

    /// <summary>The four concrete actions, in the order the docs list them.</summary>
    public static readonly ImmutableArray<string> Concrete = ["create", "view", "update", "delete"];

    /// <summary>The action a request method needs, or null for a method Bird's policies do not name (never allowed).</summary>
    public static string? ForMethod(string method) => method.ToUpperInvariant() switch
    {
        "POST" => "create",
        "GET" or "HEAD" or "OPTIONS" => "view",
        "PUT" or "PATCH" => "update",
        "DELETE" => "delete",
        _ => null,
    };

    /// <summary>Whether a definition's action list covers <paramref name="action"/>.</summary>
    public static bool Covers(IEnumerable<string> actions, string action) =>
        actions.Any(a => a == Any || a == action);
}
