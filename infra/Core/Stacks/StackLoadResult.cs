
namespace BirdInfra.Stacks;

/// <summary>The stack, or null when any diagnostic is an error; warnings come with a loaded stack too.</summary>
public sealed record StackLoadResult(StackDefinition? Stack, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The stack file, then each base it extends, nearest first.</summary>
    public ImmutableArray<string> Files { get; init; } = [];

    /// <summary>The effective YAML tree (bases merged, <c>extends</c> removed), each node with its own file; null when unreadable.</summary>
    public StackNode? Effective { get; init; }

    public bool Succeeded => Stack is not null;

    public ImmutableArray<Diagnostic> Errors => Diagnostics.Where(d => d.IsError).ToImmutableArray();

    public ImmutableArray<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError).ToImmutableArray();
}
