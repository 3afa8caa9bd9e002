namespace BirdInfra.Tests.EndToEnd;

/// <summary>What can move between `preview --out` and `up --plan` (<see cref="SavedPlanTests"/>).</summary>
public enum Staleness
{
    StackFileEdited,
    StateChanged,
    LiveObjectChanged,
    SecretChanged,
}
