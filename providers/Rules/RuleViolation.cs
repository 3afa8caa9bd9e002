
namespace BirdInfra.Providers.Rules;

/// <summary>Why a value breaks one of Bird's rules, what the user should write instead, and the diagnostic code a stack file reports it with.</summary>
public sealed record RuleViolation(string Message, string Hint, string Code = DiagnosticCodes.InvalidValue);
