
namespace BirdInfra.Operations;

/// <summary>`up`, `destroy` and `up --plan`: apply <paramref name="Plan"/> (already checked against the guards and confirmed).</summary>
/// <param name="Root">The project folder, for the access changes the history records.</param>
/// <param name="Parallel">How many operations run at once, at least 1.</param>
public sealed record ApplyChange(string Command, Plan Plan, bool Destroy, string Root, int Parallel) : StackChange(Command);
