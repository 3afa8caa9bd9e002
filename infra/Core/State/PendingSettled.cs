namespace BirdInfra.State;

/// <summary>A journaled call's outcome is known and recorded (<see cref="StackState.WithoutPending"/>).</summary>
public sealed record PendingSettled(PendingOperation Operation) : StateChange
{
    public override StackState ApplyTo(StackState state) => state.WithoutPending(Operation);
}
