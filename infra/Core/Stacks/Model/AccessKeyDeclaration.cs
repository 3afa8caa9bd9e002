using BirdInfra.Providers.Stacks.Model;
using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;

namespace BirdInfra.Stacks.Model;

/// <summary>An entry of <c>accessKeys</c>: a Bird access key bound to roles of this stack.</summary>
/// <param name="Workspaces">Optional scoping, raw: UUIDs or <c>${workspaceId}</c>.</param>
public sealed record AccessKeyDeclaration(
    string LogicalName,
    string Name,
    string Description,
    ImmutableArray<LogicalReference> Roles,
    ImmutableArray<string> Workspaces,
    SourceLocation Location);
