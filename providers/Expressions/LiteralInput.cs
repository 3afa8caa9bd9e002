
namespace BirdInfra.Providers.Expressions;

public sealed record LiteralInput(PropertyValue Value) : InputExpression;
