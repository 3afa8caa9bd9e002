
namespace BirdInfra.Providers.Kinds;

/// <summary>
/// One invalid input: the property path (e.g. <c>definitions[2].actions[0]</c>), what is wrong, how to fix it, and the
/// diagnostic code a stack file reports it with (the plugin's Check names the property; <c>validate</c> the line).
/// </summary>
public sealed record CheckFailure(string Path, string Message, string Hint, string Code = DiagnosticCodes.InvalidValue);
