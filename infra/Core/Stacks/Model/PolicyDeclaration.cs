using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;

namespace BirdInfra.Stacks.Model;

/// <summary>An entry of <c>accessPolicies</c>: a Bird IAM policy.</summary>
/// <param name="Name">Bird-side name; the logical name when the file gives none.</param>
public sealed record PolicyDeclaration(
    string LogicalName,
    string Name,
    string? Description,
    ImmutableArray<PolicyDefinition> Definitions,
    SourceLocation Location);
