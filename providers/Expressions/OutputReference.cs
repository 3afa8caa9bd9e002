namespace BirdInfra.Providers.Expressions;

/// <summary>The value of another resource's output, known only once that resource exists.</summary>
public sealed record OutputReference(ResourceAddress Target, string Output) : InputExpression;
