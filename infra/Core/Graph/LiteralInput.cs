using BirdInfra.Providers.Properties;

namespace BirdInfra.Graph;

public sealed record LiteralInput(PropertyValue Value) : InputExpression;
