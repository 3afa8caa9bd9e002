using System.Collections.Immutable;
using BirdInfra.State;

namespace BirdInfra.Apply;

public sealed record ApplyResult(StackState State, ImmutableArray<ApplyFailure> Failures, int Completed)
{
    public bool Succeeded => Failures.IsEmpty;
}
