using System.Collections.Immutable;

namespace BirdInfra.Graph;

public sealed record MapInput(ImmutableSortedDictionary<string, InputExpression> Properties) : InputExpression;
