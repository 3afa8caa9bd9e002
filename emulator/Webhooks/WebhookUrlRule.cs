using System.Text.RegularExpressions;

namespace BirdInfra.Emulator.Webhooks;

/// <summary>
/// Bird's URL patterns: https and a public host name; the update schema also allows a port. With
/// <c>--allow-http-webhooks</c>, http(s) loopback URLs are accepted too so tests can receive deliveries.
/// </summary>
internal static partial class WebhookUrlRule
{
    public static string? Problem(string url, bool allowLoopback, bool isUpdate)
    {
        var ok = (isUpdate ? UpdatePattern() : CreatePattern()).IsMatch(url) || (allowLoopback && LoopbackPattern().IsMatch(url));
        return ok
            ? null
            : allowLoopback
                ? "must be an https URL with a public host name, or an http(s) URL on 127.0.0.1, localhost or [::1]"
                : "must be an https URL with a public host name";
    }

    [GeneratedRegex(@"^https://([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}(/[^\s]*)?$")]
    private static partial Regex CreatePattern();

    [GeneratedRegex(@"^https://([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}(:[0-9]+)?(/[^\s]*)?$")]
    private static partial Regex UpdatePattern();

    [GeneratedRegex(@"^https?://(127\.0\.0\.1|localhost|\[::1\])(:[0-9]+)?(/[^\s]*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex LoopbackPattern();
}
