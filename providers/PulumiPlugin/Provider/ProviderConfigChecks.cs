using BirdInfra.Providers.Properties;
using BirdInfra.PulumiPlugin.Protos;
using BirdInfra.Providers.PulumiWire;

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

    /// <summary>Another endpoint, organization or workspace replaces the provider (and so its resources); a new access key does not.</summary>
    public static DiffResponse Diff(DiffRequest request)
    {
        var olds = PropertyStructConverter.ToPropertyMap(request.OldInputs ?? request.Olds);
        var news = PropertyStructConverter.ToPropertyMap(request.News);
        var response = new DiffResponse { HasDetailedDiff = true, Changes = DiffResponse.Types.DiffChanges.DiffNone };
        foreach (var key in ProviderConfigKeys.All.Select(k => k.Name))
        {
            var before = olds[key];
            var after = news[key];
            if (Equal(before, after))
            {
                continue;
            }

            var replace = ProviderConfigKeys.ReplaceOnChange.Contains(key) && !(after?.IsUnknown ?? false);
            var kind = (before is null || before.IsNull, after is null || after.IsNull) switch
            {
                (true, _) => replace ? PropertyDiff.Types.Kind.AddReplace : PropertyDiff.Types.Kind.Add,
                (false, true) => replace ? PropertyDiff.Types.Kind.DeleteReplace : PropertyDiff.Types.Kind.Delete,
                _ => replace ? PropertyDiff.Types.Kind.UpdateReplace : PropertyDiff.Types.Kind.Update,
            };
            response.Changes = DiffResponse.Types.DiffChanges.DiffSome;
            response.Diffs.Add(key);
            response.DetailedDiff[key] = new PropertyDiff { Kind = kind, InputDiff = true };
            if (replace)
            {
                response.Replaces.Add(key);
            }
        }

        return response;
    }

    private static bool Equal(PropertyValue? a, PropertyValue? b) =>
        (a is null || a.IsNull) ? (b is null || b.IsNull) : a.Equals(b) || ProviderConfigReader.Text(a) == ProviderConfigReader.Text(b) && b is not null && !b.IsUnknown;
}
