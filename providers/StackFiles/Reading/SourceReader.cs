using System.Text.RegularExpressions;
using BirdInfra.Providers.StackFiles.ValueSources;

namespace BirdInfra.Providers.StackFiles.Reading;

/// <summary>
/// Reads <c>{env: NAME}</c> values and secrets (<c>{env: NAME, config: key}</c> or <c>{generate: true}</c>),
/// and checks that the variables they name are set when the options ask for it.
/// </summary>
public sealed partial class SourceReader(FieldReader reader, StackLoadOptions options)
{
    /// <summary>A UUID written literally or <c>{env: NAME}</c>.</summary>
    public ValueSource? Uuid(StackNode node, string suggestedVariable)
    {
        var example = $"{{ env: {suggestedVariable} }}";
        if (node is ScalarNode)
        {
            if (reader.String(node, example) is not { } literal)
            {
                return null;
            }

            if (BirdRules.Uuid(literal) is { } violation)
            {
                reader.Report(DiagnosticCodes.InvalidUuid, violation.Message, $"{violation.Hint} Or read it from the environment: {example}.", node);
                return null;
            }

            return ValueSource.FromLiteral(literal, reader.At(node));
        }

        if (reader.Mapping(node, "This value", $"Write a UUID or {example}.") is not { } mapping)
        {
            return null;
        }

        reader.CheckKeys(mapping, StackKeys.ValueFromEnvironment, "an {env: ...} value");
        if (reader.Required(mapping, "env", reader.At(node), $"Write {example}.") is not { } envNode
            || EnvironmentVariableName(envNode, suggestedVariable) is not { } name)
        {
            return null;
        }

        if (options.CheckSecretsAvailable)
        {
            var value = options.GetEnvironmentVariable(name);
            if (string.IsNullOrEmpty(value))
            {
                reader.Report(
                    DiagnosticCodes.MissingEnvironmentVariable,
                    $"The environment variable {name} is not set.",
                    $"Set {name} to the id (Settings → Organization in Bird shows it), e.g. export {name}=3f2504e0-4f89-41d3-9a0c-0305e82c3301.",
                    envNode);
            }
            else if (BirdRules.Uuid(value) is not null)
            {
                reader.Report(
                    DiagnosticCodes.InvalidEnvironmentValue,
                    $"The environment variable {name} does not hold a UUID.",
                    $"Set {name} to a UUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301.",
                    envNode);
            }
        }

        return ValueSource.FromEnvironment(name, reader.At(node));
    }

    /// <summary>A secret. <paramref name="generateNotAllowed"/> says why <c>{generate: true}</c> cannot work here (null = allowed).</summary>
    public SecretSource? Secret(StackNode node, string suggestedVariable, string? generateNotAllowed)
    {
        var example = $"{{ env: {suggestedVariable} }}";
        if (node is ScalarNode)
        {
            // Never echo the value: it may be a real secret pasted into the file.
            reader.Report(
                DiagnosticCodes.LiteralSecret,
                "A secret is written here as a literal value; secrets never go into a stack file.",
                generateNotAllowed is null
                    ? $"Write {example} and set {suggestedVariable} in the environment, or {{ generate: true }}; if the value was real, rotate it."
                    : $"Write {example} and set {suggestedVariable} in the environment; if the value was real, rotate it.",
                node);
            return null;
        }

        if (reader.Mapping(node, "A secret", $"Write {example}.") is not { } mapping)
        {
            return null;
        }

        reader.CheckKeys(mapping, StackKeys.Secret, "a secret");
        var env = FieldReader.Optional(mapping, "env");
        var config = FieldReader.Optional(mapping, "config");
        var generate = FieldReader.Optional(mapping, "generate");
        var length = FieldReader.Optional(mapping, "length");
        if (generate is not null)
        {
            return Generated(mapping, generate, env, config, length, generateNotAllowed);
        }

        if (env is null)
        {
            reader.Report(
                DiagnosticCodes.InvalidValueSource,
                "A secret needs 'env' (or 'generate').",
                generateNotAllowed is null ? $"Write {example} or {{ generate: true }}." : $"Write {example}.",
                reader.At(node),
                mapping.Path);
            return null;
        }

        if (length is not null)
        {
            reader.Report(
                DiagnosticCodes.InvalidValueSource,
                "'length' applies only to a generated secret.",
                $"Remove 'length', or write {{ generate: true, length: 32 }} instead of 'env'.",
                length);
        }

        var name = EnvironmentVariableName(env, suggestedVariable);
        string? configKey = null;
        if (config is not null && reader.String(config, "config: birdinfra:accessKey") is { } key)
        {
            if (ConfigKeyPattern().IsMatch(key))
            {
                configKey = key;
            }
            else
            {
                reader.Report(
                    DiagnosticCodes.InvalidConfigKey,
                    $"'{Text.Shown(key)}' is not a Pulumi config key.",
                    "Write a key such as accessKey or birdinfra:accessKey (letters, digits, '_', '-', '.', one ':' for the namespace).",
                    config);
            }
        }

        if (name is null || length is not null || (config is not null && configKey is null))
        {
            return null;
        }

        if (options.CheckSecretsAvailable
            && string.IsNullOrEmpty(options.GetEnvironmentVariable(name))
            && !(configKey is not null && options.HasConfig?.Invoke(configKey) == true))
        {
            reader.Report(
                DiagnosticCodes.MissingEnvironmentVariable,
                $"The secret's environment variable {name} is not set.",
                configKey is null
                    ? $"Set {name} before running BirdInfra, e.g. export {name}=...; the value never goes into the file."
                    : $"Set {name}, or in Pulumi mode the config secret '{configKey}' (pulumi config set --secret {configKey} ...).",
                env);
        }

        return SecretSource.FromEnvironment(name, configKey, reader.At(node));
    }

    private SecretSource? Generated(MappingNode mapping, StackNode generate, StackNode? env, StackNode? config, StackNode? length, string? generateNotAllowed)
    {
        var ok = true;
        if (reader.Boolean(generate) is not { } flag)
        {
            return null;
        }

        if (!flag)
        {
            reader.Report(
                DiagnosticCodes.InvalidValueSource,
                "'generate: false' does not say where the secret comes from.",
                "Write { generate: true } or { env: NAME }.",
                generate);
            return null;
        }

        foreach (var other in new[] { env, config })
        {
            if (other is not null)
            {
                reader.Report(
                    DiagnosticCodes.InvalidValueSource,
                    $"'{other.Path[(other.Path.LastIndexOf('.') + 1)..]}' cannot be combined with 'generate'.",
                    "A secret is either generated ({ generate: true }) or read from the environment ({ env: NAME }), not both.",
                    other);
                ok = false;
            }
        }

        if (generateNotAllowed is not null)
        {
            reader.Report(DiagnosticCodes.GenerateNotAllowed, generateNotAllowed, "Write { env: NAME } and set NAME in the environment.", generate);
            ok = false;
        }

        var size = SecretSource.DefaultGeneratedLength;
        if (length is not null)
        {
            if (reader.Integer(length, "length: 32") is not { } requested)
            {
                return null;
            }

            if (requested is < SecretSource.MinGeneratedLength or > SecretSource.MaxGeneratedLength)
            {
                reader.Report(
                    DiagnosticCodes.GenerateLengthOutOfRange,
                    $"A generated secret of {requested} characters is outside {SecretSource.MinGeneratedLength}..{SecretSource.MaxGeneratedLength}.",
                    $"Use a length from {SecretSource.MinGeneratedLength} to {SecretSource.MaxGeneratedLength}, or leave it out for {SecretSource.DefaultGeneratedLength}.",
                    length);
                return null;
            }

            size = requested;
        }

        return ok ? SecretSource.Generate(size, reader.At(mapping)) : null;
    }

    private string? EnvironmentVariableName(StackNode node, string suggestedVariable)
    {
        if (reader.String(node, suggestedVariable) is not { } name)
        {
            return null;
        }

        if (EnvironmentVariablePattern().IsMatch(name))
        {
            return name;
        }

        reader.Report(
            DiagnosticCodes.InvalidEnvironmentVariableName,
            $"'{Text.Shown(name)}' is not an environment variable name.",
            $"Use letters, digits and '_', not starting with a digit, e.g. {suggestedVariable}.",
            node);
        return null;
    }

    /// <summary>An environment variable's name a value may come from (the stack schema says the same).</summary>
    public const string EnvironmentVariablePatternText = "^[A-Za-z_][A-Za-z0-9_]{0,127}$";

    /// <summary>A Pulumi config key a value may come from, with or without its namespace (the stack schema says the same).</summary>
    public const string ConfigKeyPatternText = "^([A-Za-z][A-Za-z0-9_.-]{0,63}:)?[A-Za-z][A-Za-z0-9_.-]{0,127}$";

    [GeneratedRegex(EnvironmentVariablePatternText, RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentVariablePattern();

    [GeneratedRegex(ConfigKeyPatternText, RegexOptions.CultureInvariant)]
    private static partial Regex ConfigKeyPattern();
}
