using System.Globalization;
using BirdInfra.Providers.Rules;

namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>Value rules for provider configuration, shared by CheckConfig and Configure.</summary>
public static class ProviderConfigRules
{
    public static IEnumerable<(string Key, string Reason)> Validate(IReadOnlyDictionary<string, string?> values)
    {
        if (values.GetValueOrDefault(ProviderConfigKeys.Endpoint.Name) is { } endpoint
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            yield return (ProviderConfigKeys.Endpoint.Name, $"'{endpoint}' is not an http(s) URL; use e.g. https://api.bird.com/");
        }

        foreach (var key in new[] { ProviderConfigKeys.OrganizationId, ProviderConfigKeys.WorkspaceId })
        {
            if (values.GetValueOrDefault(key.Name) is { } id && BirdRules.Uuid(id) is { } violation)
            {
                yield return (key.Name, $"{violation.Message} {violation.Hint}");
            }
        }

        foreach (var key in new[] { ProviderConfigKeys.LateOutputTimeoutSeconds, ProviderConfigKeys.RequestTimeoutSeconds })
        {
            if (values.GetValueOrDefault(key.Name) is { } timeout
                && (!double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 3600))
            {
                yield return (key.Name, $"'{timeout}' is not a number of seconds between 0 and 3600");
            }
        }
    }
}
