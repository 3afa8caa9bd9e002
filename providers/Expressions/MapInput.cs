
namespace BirdInfra.Providers.Expressions;

public sealed record MapInput(ImmutableSortedDictionary<string, InputExpression> Properties) : InputExpression;
