using BirdInfra.Providers.Stacks.Model;
using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;

namespace BirdInfra.Stacks.Model;

/// <summary>An entry of <c>accessRoles</c>: a Bird IAM role holding policies of this stack.</summary>
public sealed record RoleDeclaration(
    string LogicalName,
    string Name,
    string? Description,
    ImmutableArray<LogicalReference> Policies,
    SourceLocation Location);
