
namespace BirdInfra.Providers.StackFiles.ValueSources;

/// <summary>
/// Where a secret comes from; never the secret itself. Either an environment variable (with, in Pulumi
/// mode, a Pulumi config key as a second source) or a value BirdInfra generates once and keeps in its state.
/// </summary>
public sealed record SecretSource
{
    public const int DefaultGeneratedLength = 32;
    public const int MinGeneratedLength = 16;
    public const int MaxGeneratedLength = 128;

    private SecretSource(string? environmentVariable, string? configKey, int? generatedLength, SourceLocation location)
    {
        EnvironmentVariable = environmentVariable;
        ConfigKey = configKey;
        GeneratedLength = generatedLength;
        Location = location;
    }

    /// <summary>The environment variable holding the secret; null when generated.</summary>
    public string? EnvironmentVariable { get; }

    /// <summary>Optional Pulumi config key used as a second source in Pulumi mode.</summary>
    public string? ConfigKey { get; }

    /// <summary>Length of the generated value; null when the secret comes from the environment.</summary>
    public int? GeneratedLength { get; }

    public bool IsGenerated => GeneratedLength is not null;

    public SourceLocation Location { get; }

    public static SecretSource FromEnvironment(string name, string? configKey, SourceLocation location) =>
        new(name, configKey, null, location);

    public static SecretSource Generate(int length, SourceLocation location) => new(null, null, length, location);

    public override string ToString() => IsGenerated
        ? $"{{ generate: true, length: {GeneratedLength} }}"
        : ConfigKey is null ? $"{{ env: {EnvironmentVariable} }}" : $"{{ env: {EnvironmentVariable}, config: {ConfigKey} }}";
}
