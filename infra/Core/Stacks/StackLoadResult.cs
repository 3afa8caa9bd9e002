using System.Collections.Immutable;
using BirdInfra.Providers.Diagnostics;
using BirdInfra.Stacks.Model;

namespace BirdInfra.Stacks;

/// <summary>The stack, or null when any diagnostic is an error; warnings come with a loaded stack too.</summary>
public sealed record StackLoadResult(StackDefinition? Stack, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => Stack is not null;

    public ImmutableArray<Diagnostic> Errors => Diagnostics.Where(d => d.IsError).ToImmutableArray();

    public ImmutableArray<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError).ToImmutableArray();
}
