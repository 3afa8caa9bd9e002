using System.Globalization;
using BirdInfra.PulumiPlugin.Protos;
using Grpc.Core;

namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>
/// Reads provider configuration: the <c>args</c> struct (keys with or without the <c>bird:</c> prefix), then the legacy
/// <c>variables</c> map (<c>bird:key</c> or <c>bird:config:key</c>), then the <c>BIRD_*</c> environment variables.
/// </summary>
public static class ProviderConfigReader
{
    public static ProviderSettings Read(ConfigureRequest request, Func<string, string?> environment)
    {
        var args = PropertyStructConverter.ToPropertyMap(request.Args);
        string? Lookup(ConfigKey key)
        {
            var fromArgs = Text(args[key.Name]) ?? Text(args[key.PulumiKey]);
            if (fromArgs is not null)
            {
                return fromArgs;
            }

            foreach (var name in new[] { key.PulumiKey, "bird:config:" + key.Name })
            {
                if (request.Variables.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v))
                {
                    return v;
                }
            }

            var env = environment(key.EnvironmentVariable);
            return string.IsNullOrWhiteSpace(env) ? key.Default : env;
        }

        var values = ProviderConfigKeys.All.ToDictionary(k => k.Name, Lookup, StringComparer.Ordinal);
        var missing = new ConfigureErrorMissingKeys();
        foreach (var key in ProviderConfigKeys.All.Where(k => k.Required && values[k.Name] is null))
        {
            missing.MissingKeys.Add(new ConfigureErrorMissingKeys.Types.MissingKey
            {
                Name = key.PulumiKey,
                Description = $"{key.Description} Set it with `pulumi config set {key.PulumiKey}{(key.Secret ? " --secret" : string.Empty)}` or the {key.EnvironmentVariable} environment variable.",
            });
        }

        if (missing.MissingKeys.Count > 0)
        {
            throw RpcErrors.Create(
                StatusCode.InvalidArgument,
                "missing required configuration: " + string.Join(", ", missing.MissingKeys.Select(k => k.Name)),
                missing);
        }

        var problems = ProviderConfigRules.Validate(values).ToList();
        if (problems.Count > 0)
        {
            throw RpcErrors.Create(StatusCode.InvalidArgument, "invalid provider configuration: " + string.Join("; ", problems.Select(p => $"{p.Key}: {p.Reason}")));
        }

        return new ProviderSettings(
            new Uri(values[ProviderConfigKeys.Endpoint.Name]!, UriKind.Absolute),
            new BirdAccessKey(values[ProviderConfigKeys.AccessKey.Name]!),
            values[ProviderConfigKeys.OrganizationId.Name]!,
            values[ProviderConfigKeys.WorkspaceId.Name]!,
            TimeSpan.FromSeconds(double.Parse(values[ProviderConfigKeys.LateOutputTimeoutSeconds.Name]!, NumberStyles.Float, CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(values[ProviderConfigKeys.RequestTimeoutSeconds.Name]!, NumberStyles.Float, CultureInfo.InvariantCulture)));
    }

    /// <summary>A config value as text: strings as they are, numbers and bools in invariant form, secrets unwrapped.</summary>
    public static string? Text(PropertyValue? value)
    {
        if (value is null || value.IsNull || value.IsUnknown)
        {
            return null;
        }

        var plain = value.Unwrapped;
        return plain.Kind switch
        {
            PropertyKind.String => string.IsNullOrWhiteSpace(plain.RevealString()) ? null : plain.RevealString(),
            PropertyKind.Number => plain.AsNumberOrNull()!.Value.ToString(CultureInfo.InvariantCulture),
            PropertyKind.Bool => plain.AsBoolOrNull()!.Value ? "true" : "false",
            _ => null,
        };
    }
}
