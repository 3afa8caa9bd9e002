using System.Text.Json;

namespace BirdInfra.PulumiProgram;

/// <summary>
/// The stack's Pulumi config as the language host passes it: full keys (<c>namespace:name</c>) to text, and the
/// keys whose values were <c>secure:</c>. A key written without a namespace belongs to the project.
/// </summary>
public sealed class PulumiConfig
{
    private readonly string _project;
    private readonly ImmutableDictionary<string, string> _values;
    private readonly ImmutableHashSet<string> _secretKeys;

    public PulumiConfig(string project, ImmutableDictionary<string, string> values, ImmutableHashSet<string> secretKeys)
    {
        _project = project;
        _values = values;
        _secretKeys = secretKeys;
    }

    public static PulumiConfig Parse(string project, string? configJson, string? secretKeysJson)
    {
        var values = ImmutableDictionary<string, string>.Empty;
        if (!string.IsNullOrWhiteSpace(configJson))
        {
            try
            {
                values = (JsonSerializer.Deserialize<Dictionary<string, string>>(configJson) ?? [])
                    .ToImmutableDictionary(kv => Clean(kv.Key), kv => kv.Value, StringComparer.Ordinal);
            }
            catch (JsonException)
            {
                throw new InvalidOperationException("PULUMI_CONFIG is not a JSON object of strings.");
            }
        }

        var secrets = ProgramSettings.ParseStringArray(secretKeysJson, "PULUMI_CONFIG_SECRET_KEYS").Select(Clean).ToImmutableHashSet(StringComparer.Ordinal);
        return new PulumiConfig(project, values, secrets);
    }

    /// <summary>The full key: <c>accessKey</c> → <c>project:accessKey</c>; <c>bird:endpoint</c> stays.</summary>
    public string FullKey(string key) => key.Contains(':', StringComparison.Ordinal) ? Clean(key) : $"{_project}:{key}";

    public string? Get(string key) => _values.TryGetValue(FullKey(key), out var value) && value.Length > 0 ? value : null;

    public bool Has(string key) => Get(key) is not null;

    public bool IsSecret(string key) => _secretKeys.Contains(FullKey(key));

    /// <summary>The legacy form <c>ns:config:name</c> is the same key as <c>ns:name</c>.</summary>
    private static string Clean(string key)
    {
        var parts = key.Split(':');
        return parts.Length == 3 && parts[1] == "config" ? $"{parts[0]}:{parts[2]}" : key;
    }
}
