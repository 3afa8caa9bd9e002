namespace BirdInfra.State;

/// <summary>
/// A state file that cannot be used as it is (corrupt, edited, too new, wrong passphrase, locked, or a journaled create
/// that Bird's objects do not settle). The message says what to do.
/// </summary>
public sealed class StateException(string message) : Exception(message);
