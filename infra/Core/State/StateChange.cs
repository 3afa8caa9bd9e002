namespace BirdInfra.State;

/// <summary>
/// One step of a <see cref="StackState"/>, as the journal records it: applying the same steps to the same state gives
/// the same state and serial, which is how the snapshot is rebuilt from snapshot + journal.
/// </summary>
public abstract record StateChange
{
    public abstract StackState ApplyTo(StackState state);
}
