namespace BirdInfra.State;

/// <summary>An object the stack owns was created, updated, adopted or deposed (<see cref="StackState.WithResource"/>).</summary>
public sealed record ResourceRecorded(StateResource Resource) : StateChange
{
    public override StackState ApplyTo(StackState state) => state.WithResource(Resource);
}
