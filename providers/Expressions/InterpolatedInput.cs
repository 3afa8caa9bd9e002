namespace BirdInfra.Providers.Expressions;

/// <summary>Text with <c>${organizationId}</c> / <c>${workspaceId}</c> in it; the compiler puts in the target's ids.</summary>
public sealed record InterpolatedInput(string Template) : InputExpression;
