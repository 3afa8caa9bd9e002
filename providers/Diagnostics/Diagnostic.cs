namespace BirdInfra.Providers.Diagnostics;

/// <summary>
/// One problem found in a stack file: a stable code (see stacks/README.md), a message saying what is
/// wrong, a hint saying what to write instead, where it is, and the YAML path of the offending node
/// (dots and [i], e.g. <c>accessPolicies.contact-center.definitions[0].actions[1]</c>; empty for the
/// whole file). Every diagnostic is an error.
/// </summary>
public sealed record Diagnostic(string Code, string Message, string Hint, SourceLocation Location, string YamlPath)
{
    public override string ToString()
    {
        var at = YamlPath.Length == 0 ? string.Empty : $" (at {YamlPath})";
        return $"{Location}: error {Code}: {Message}{at}{Environment.NewLine}  hint: {Hint}";
    }
}
