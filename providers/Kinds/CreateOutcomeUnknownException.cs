namespace BirdInfra.Providers.Kinds;

/// <summary>
/// A create whose answer was lost and whose object could not be found or cleared either (the lookup failed too,
/// or every try was lost): Bird may hold the object. The engine keeps its pending entry so the next run finds it.
/// </summary>
public sealed class CreateOutcomeUnknownException(string message, Exception innerException) : Exception(message, innerException);
