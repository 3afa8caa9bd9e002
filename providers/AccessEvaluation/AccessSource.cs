
namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// Where a rule comes from: the role the key holds, the policy (logical name, or Bird id of a policy the stack does
/// not declare), the definition's index in the policy, and where that definition is written (null when read from Bird).
/// </summary>
public sealed record AccessSource(string Role, string Policy, int Definition, SourceLocation? Location)
{
    /// <summary>e.g. <c>contact-center definitions[1]</c>.</summary>
    public string DefinitionPath => $"definitions[{Definition}]";

    /// <summary>e.g. <c>stacks/dev.yaml:21</c>, or Bird when the policy was read from Bird.</summary>
    public string Where => Location is { } l ? $"{l.File}:{l.Line}" : "read from Bird";
}
