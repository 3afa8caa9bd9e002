namespace BirdInfra.Apply;

/// <summary>
/// An operation that failed in a way the user is told about (<see cref="Failure"/>), as opposed to a bug: the applier
/// reports these together and lets anything else propagate.
/// </summary>
internal sealed class ApplyFailedException(ApplyFailure failure, Exception? inner = null) : Exception(failure.ToString(), inner)
{
    public ApplyFailure Failure { get; } = failure;
}
