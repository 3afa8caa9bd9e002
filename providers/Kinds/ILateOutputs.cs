namespace BirdInfra.Providers.Kinds;

/// <summary>
/// Outputs Bird fills in a while after it answered a create (a connector's channel): whether they are there yet, and
/// the kind's own words for a wait on them. <see cref="OutputWait"/> does the waiting, the same way for every kind.
/// </summary>
public interface ILateOutputs
{
    bool AreFilled(ResourceSnapshot snapshot);

    /// <summary>A progress line before each read.</summary>
    string Waiting(ResourceSnapshot snapshot, TimeSpan elapsed, TimeSpan timeout);

    /// <summary>The progress line once the outputs are there.</summary>
    string Filled(ResourceSnapshot snapshot);

    string TimedOut(ResourceSnapshot snapshot, TimeSpan timeout);

    /// <summary>The run was cancelled (<see cref="ProviderContext.StopWaiting"/>) before the outputs were there.</summary>
    string StoppedWaiting(ResourceSnapshot snapshot);

    /// <summary>The object was gone (404) when read during the wait.</summary>
    string Disappeared(ResourceSnapshot snapshot);

    /// <summary>A read during the wait failed; <paramref name="reason"/> is Bird's error.</summary>
    string ReadFailed(ResourceSnapshot snapshot, string reason);

    /// <summary>
    /// Why the outputs will never be filled (a channel whose status cannot become active), or null to keep waiting. The
    /// wait ends at the first read that shows it, instead of at the timeout.
    /// </summary>
    string? Failed(ResourceSnapshot snapshot) => null;
}
