
namespace BirdInfra.Apply;

public sealed record ApplyResult(StackState State, ImmutableArray<ApplyFailure> Failures, int Completed)
{
    /// <summary>Stopped by Ctrl-C: what finished is in <see cref="State"/>; nothing after it was started.</summary>
    public bool Interrupted { get; init; }

    /// <summary>The operations that finished, in the order they did.</summary>
    public ImmutableArray<CompletedOperation> Done { get; init; } = [];

    public bool Succeeded => Failures.IsEmpty && !Interrupted;
}
