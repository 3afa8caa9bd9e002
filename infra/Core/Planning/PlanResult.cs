
namespace BirdInfra.Planning;

/// <summary>A plan, or the input problems that kept one from being made.</summary>
public sealed record PlanResult(Plan? Plan, ImmutableArray<Diagnostic> Diagnostics);
