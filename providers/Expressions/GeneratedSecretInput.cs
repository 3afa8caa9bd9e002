namespace BirdInfra.Providers.Expressions;

/// <summary>A random secret made once by the engine and then kept in state (the built-in engine's generator).</summary>
public sealed record GeneratedSecretInput(int Length) : InputExpression;
