using BirdInfra.PulumiPlugin.Protos;
using PropertyDiff = BirdInfra.PulumiPlugin.Protos.PropertyDiff;

namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>CheckConfig and DiffConfig for the provider resource (<c>pulumi:providers:bird</c>).</summary>
public static class ProviderConfigChecks
{
    /// <summary>Validates the config values that are set; missing keys may still come from the environment at Configure.</summary>
    public static CheckResponse Check(CheckRequest request)
    {
        var news = PropertyStructConverter.ToPropertyMap(request.News);
        var known = ProviderConfigKeys.All.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var response = new CheckResponse { Inputs = request.News ?? new Google.Protobuf.WellKnownTypes.Struct() };
        foreach (var key in news.Keys.Where(k => !known.Contains(k) && !ProviderConfigKeys.EngineKeys.Contains(k)))
        {
            response.Failures.Add(new Protos.CheckFailure
            {
                Property = key,
                Reason = $"'{key}' is not a bird configuration key. Known keys: {string.Join(", ", known.Select(k => "bird:" + k))}.",
            });
        }

        var values = ProviderConfigKeys.All.ToDictionary(k => k.Name, k => news[k.Name] is { IsUnknown: false } v ? ProviderConfigReader.Text(v) : null, StringComparer.Ordinal);
        foreach (var (key, reason) in ProviderConfigRules.Validate(values))
        {
            response.Failures.Add(new Protos.CheckFailure { Property = key, Reason = reason });
        }

        return response;
    }

    /// <summary>
    /// Another endpoint, organization or workspace replaces the provider (and so every resource made through it); a new
    /// access key does not. Values are compared as Configure would use them: a key left out of config falls back to its
    /// environment variable and default, and endpoints are compared without case or trailing slash. So moving
    /// <c>BIRD_ORGANIZATION_ID</c> into <c>pulumi config</c>, or writing <c>https://api.bird.com/</c> for
    /// <c>https://api.bird.com</c>, changes nothing, while a real move to another organization still replaces.
    /// </summary>
    public static DiffResponse Diff(DiffRequest request, Func<string, string?> environment)
    {
        var olds = PropertyStructConverter.ToPropertyMap(request.OldInputs ?? request.Olds);
        var news = PropertyStructConverter.ToPropertyMap(request.News);
        var response = new DiffResponse { HasDetailedDiff = true, Changes = DiffResponse.Types.DiffChanges.DiffNone };
        foreach (var key in ProviderConfigKeys.All)
        {
            var before = olds[key.Name];
            var after = news[key.Name];
            if (after is { IsUnknown: true })
            {
                // Known only after other resources are made: say it may change, never replace on a guess.
                Add(response, key.Name, PropertyDiff.Types.Kind.Update, replace: false);
                continue;
            }

            var (oldValue, newValue) = (Effective(key, before, environment), Effective(key, after, environment));
            if (string.Equals(oldValue, newValue, StringComparison.Ordinal))
            {
                continue;
            }

            var replace = ProviderConfigKeys.ReplaceOnChange.Contains(key.Name);
            var kind = (before is null || before.IsNull, after is null || after.IsNull) switch
            {
                (true, _) => replace ? PropertyDiff.Types.Kind.AddReplace : PropertyDiff.Types.Kind.Add,
                (false, true) => replace ? PropertyDiff.Types.Kind.DeleteReplace : PropertyDiff.Types.Kind.Delete,
                _ => replace ? PropertyDiff.Types.Kind.UpdateReplace : PropertyDiff.Types.Kind.Update,
            };
            Add(response, key.Name, kind, replace);
        }

        return response;
    }

    /// <summary>The value Configure would use: config, else the environment variable, else the default; endpoints normalised.</summary>
    private static string? Effective(ConfigKey key, PropertyValue? value, Func<string, string?> environment)
    {
        var text = ProviderConfigReader.Text(value) ?? (environment(key.EnvironmentVariable) is { Length: > 0 } env && !string.IsNullOrWhiteSpace(env) ? env : key.Default);
        if (text is null || key.Name != ProviderConfigKeys.Endpoint.Name || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
        {
            return text?.Trim();
        }

        // Scheme and host are case-insensitive; the path is not.
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant() + uri.AbsolutePath.TrimEnd('/');
    }

    private static void Add(DiffResponse response, string key, PropertyDiff.Types.Kind kind, bool replace)
    {
        response.Changes = DiffResponse.Types.DiffChanges.DiffSome;
        response.Diffs.Add(key);
        response.DetailedDiff[key] = new PropertyDiff { Kind = kind, InputDiff = true };
        if (replace)
        {
            response.Replaces.Add(key);
        }
    }
}
