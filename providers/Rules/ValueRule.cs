
namespace BirdInfra.Providers.Rules;

/// <summary>
/// One of Bird's rules on a text value, written once: <see cref="Check"/> is what a kind's Check runs, and
/// <see cref="Pattern"/>, <see cref="Values"/> or <see cref="SchemaRef"/> is how the same rule reads in the stack file's
/// JSON Schema and the Pulumi schema (a rule with none of them, such as a resource path, is only checked).
/// </summary>
/// <param name="Check">Null when the value is valid, otherwise what is wrong and how to fix it.</param>
/// <param name="Pattern">The regular expression a valid value matches, when the rule is one.</param>
/// <param name="Values">The allowed values, when the rule is an enumeration.</param>
/// <param name="SchemaRef">The stack schema's shared definition for the rule (<c>uuid</c>, <c>birdName</c>), when it has one.</param>
public sealed record ValueRule(
    Func<string, RuleViolation?> Check,
    string? Pattern = null,
    ImmutableArray<string> Values = default,
    string? SchemaRef = null)
{
    /// <summary>The same rule with another hint, for a field whose fix is worded for its own purpose.</summary>
    public ValueRule WithHint(string hint) => this with { Check = v => Check(v) is { } violation ? violation with { Hint = hint } : null };
}
