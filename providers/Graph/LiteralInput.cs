using BirdInfra.Providers.Properties;

namespace BirdInfra.Providers.Graph;

public sealed record LiteralInput(PropertyValue Value) : InputExpression;
