using System.Collections.Immutable;

namespace BirdInfra.Providers.Graph;

public sealed record ListInput(ImmutableArray<InputExpression> Items) : InputExpression;
