namespace BirdInfra.Providers.Rules;

/// <summary>Why a value breaks one of Bird's rules, and what the user should write instead.</summary>
public sealed record RuleViolation(string Message, string Hint);
