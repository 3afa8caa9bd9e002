using BirdInfra.Providers.StackFiles.ValueSources;

namespace BirdInfra.Providers.Expressions;

/// <summary>A secret input as the stack file gives it (environment, Pulumi config or generated); the compiler resolves it.</summary>
/// <param name="Field">The YAML path of the field, for the message when the secret has no value.</param>
public sealed record SecretSourceInput(SecretSource Source, string Field) : InputExpression;
