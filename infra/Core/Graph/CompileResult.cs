
namespace BirdInfra.Graph;

/// <summary>The compiled graph, or the problems that kept the stack from compiling (a secret with no value).</summary>
public sealed record CompileResult(DesiredGraph? Graph, ImmutableArray<Diagnostic> Diagnostics);
