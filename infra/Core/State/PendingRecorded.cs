namespace BirdInfra.State;

/// <summary>A mutating call is about to be sent (<see cref="StackState.WithPending"/>).</summary>
public sealed record PendingRecorded(PendingOperation Operation) : StateChange
{
    public override StackState ApplyTo(StackState state) => state.WithPending(Operation);
}
