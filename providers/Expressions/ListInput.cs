
namespace BirdInfra.Providers.Expressions;

public sealed record ListInput(ImmutableArray<InputExpression> Items) : InputExpression;
