namespace BirdInfra.Engine;

/// <summary>A problem the user can fix (missing variable, locked stack, unreachable Bird): printed as a message, exit 1, no stack trace.</summary>
public sealed class UserError(string message) : Exception(message);
