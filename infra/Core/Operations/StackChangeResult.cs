using BirdInfra.Apply;

namespace BirdInfra.Operations;

/// <summary>What <see cref="StackOperation"/> did: for an apply, its outcome (null when the plan had no changes or for an import).</summary>
/// <param name="Applied">The apply's outcome: what finished, what failed, whether it was interrupted.</param>
/// <param name="Recorded">Whether the run was appended to the stack's history.</param>
public sealed record StackChangeResult(ApplyResult? Applied, bool Recorded)
{
    public bool Succeeded => Applied?.Succeeded ?? true;
}
