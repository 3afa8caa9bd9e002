namespace BirdInfra.Providers.Expressions;

/// <summary>
/// A declared input before it is resolved: a literal, a reference to another resource's output,
/// a generated secret, or a list/map of those.
/// </summary>
public abstract record InputExpression;
