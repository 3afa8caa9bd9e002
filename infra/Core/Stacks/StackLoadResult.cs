using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Stacks.Model;

namespace BirdInfra.Stacks;

/// <summary>The stack, or null when there is any diagnostic (every diagnostic is an error).</summary>
public sealed record StackLoadResult(StackDefinition? Stack, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => Stack is not null;
}
