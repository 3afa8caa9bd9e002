namespace BirdInfra.Providers.Kinds;

/// <summary>
/// A kind whose late outputs Bird also shows in one workspace-wide list (a connector's channel in the channel list). While
/// several objects of the kind wait at once, <see cref="OutputWait"/> reads that list, one call per page, and reads an
/// object itself only once the list shows it, instead of one read per waiting object per poll.
/// </summary>
public interface ILateOutputsListing
{
    /// <summary>The ids of the objects whose late outputs the list shows settled (for connectors: a channel that is active, or failed).</summary>
    Task<IReadOnlySet<string>> ListFilledAsync(ProviderContext context, CancellationToken cancellationToken);
}
