namespace BirdInfra.Providers.Kinds;

/// <summary>One invalid input: the property path (e.g. <c>definitions[2].actions[0]</c>), what is wrong, and how to fix it.</summary>
public sealed record CheckFailure(string Path, string Message, string Hint);
