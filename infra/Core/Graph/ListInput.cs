using System.Collections.Immutable;

namespace BirdInfra.Graph;

public sealed record ListInput(ImmutableArray<InputExpression> Items) : InputExpression;
