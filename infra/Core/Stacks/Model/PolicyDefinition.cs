using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;

namespace BirdInfra.Stacks.Model;

/// <summary>One access rule of a policy. <see cref="Resources"/> are raw: <c>${organizationId}</c> is not yet applied.</summary>
public sealed record PolicyDefinition(
    string Effect,
    ImmutableArray<string> Actions,
    ImmutableArray<string> Resources,
    SourceLocation Location);
