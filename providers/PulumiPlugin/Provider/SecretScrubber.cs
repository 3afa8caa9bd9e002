
namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>Last line of defence for error text: replaces every secret string found in the given property maps with <c>[secret]</c>.</summary>
public static class SecretScrubber
{
    public static string Scrub(string message, IEnumerable<string> extraSecrets, params PropertyMap?[] maps)
    {
        var secrets = maps.Where(m => m is not null).SelectMany(m => m!.Values).SelectMany(v => Secrets(v, inSecret: false)).Concat(extraSecrets)
            .Where(s => s.Length >= 4)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length);
        foreach (var secret in secrets)
        {
            message = message.Replace(secret, "[secret]", StringComparison.Ordinal);
        }

        return message;
    }

    private static IEnumerable<string> Secrets(PropertyValue value, bool inSecret)
    {
        var secret = inSecret || value.IsSecret;
        var plain = value.Unwrapped;
        return plain.Kind switch
        {
            PropertyKind.String when secret => [plain.RevealString()],
            PropertyKind.List => plain.AsList().SelectMany(v => Secrets(v, secret)),
            PropertyKind.Map => plain.AsMap().Values.SelectMany(v => Secrets(v, secret)),
            _ => [],
        };
    }
}
