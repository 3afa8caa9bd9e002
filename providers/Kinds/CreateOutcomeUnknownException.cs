using BirdInfra.Providers.Kinds.Recovery;

namespace BirdInfra.Providers.Kinds;

/// <summary>
/// A create whose answer was lost and whose object could not be found or cleared either (the lookup failed too,
/// several objects matched, or every try was lost): Bird may hold the object. The engine keeps its pending entry so
/// the next run finds it.
/// </summary>
public sealed class CreateOutcomeUnknownException(string message, Exception innerException) : Exception(message, innerException)
{
    /// <summary>Set when the lookup found several candidates; the message names them already.</summary>
    public Ambiguous? Ambiguity { get; init; }
}
