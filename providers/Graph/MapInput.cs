using System.Collections.Immutable;

namespace BirdInfra.Providers.Graph;

public sealed record MapInput(ImmutableSortedDictionary<string, InputExpression> Properties) : InputExpression;
