namespace BirdInfra.Emulator.Store;

/// <summary>A problem the user must fix before the emulator can start (bad data file, conflicting ids); shown without a stack trace.</summary>
public sealed class EmulatorStartupException(string message, Exception? inner = null) : Exception(message, inner);
