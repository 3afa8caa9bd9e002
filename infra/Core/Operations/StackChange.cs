namespace BirdInfra.Operations;

/// <summary>
/// What a state-changing command asks <see cref="StackOperation"/> to carry out on an open session: a plan to apply
/// (<see cref="ApplyChange"/>) or existing objects to adopt (<see cref="ImportChange"/>).
/// </summary>
/// <param name="Command">The command as the history shows it ("up", "destroy", "up --plan plan.json", "import").</param>
public abstract record StackChange(string Command);
