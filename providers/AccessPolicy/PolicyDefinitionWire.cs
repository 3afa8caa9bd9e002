namespace BirdInfra.Providers.AccessPolicy;

internal sealed record PolicyDefinitionWire(string Effect, IReadOnlyList<string>? Actions, IReadOnlyList<string>? Resources);
