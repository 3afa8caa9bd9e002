
namespace BirdInfra.Providers.StackFiles;

/// <summary>How a stack is loaded.</summary>
/// <param name="GetEnvironmentVariable">Reads an environment variable (null when unset); tests pass a dictionary.</param>
/// <param name="CheckSecretsAvailable">Report environment variables the stack needs but that are not set.</param>
/// <param name="HasConfig">Pulumi mode: whether a config key is set; a secret whose variable is missing but whose
/// <c>config</c> key is set is not an error.</param>
/// <param name="CheckTargetEnvironment">Whether the target's variables (ids, access key) must be set; false in Pulumi
/// mode, where the provider's config (<c>bird:*</c>) supplies them.</param>
/// <param name="CheckExpectations">Whether access keys that break their <c>expect</c> make the stack invalid; false for
/// <c>birdinfra access</c>, which reports the keys first and the broken expectations after.</param>
public sealed record StackLoadOptions(
    Func<string, string?> GetEnvironmentVariable,
    bool CheckSecretsAvailable = true,
    Func<string, bool>? HasConfig = null,
    bool CheckTargetEnvironment = true,
    bool CheckExpectations = true)
{
    /// <summary>The kinds the host composed: their sections are the stack file's, their checks its value rules.</summary>
    public required KindRegistry Kinds { get; init; }

    /// <summary>Options reading the process environment.</summary>
    public static StackLoadOptions FromProcessEnvironment(KindRegistry kinds, bool checkSecretsAvailable = true) =>
        new(Environment.GetEnvironmentVariable, checkSecretsAvailable) { Kinds = kinds };
}
