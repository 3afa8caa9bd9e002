namespace BirdInfra.Providers.Kinds;

/// <summary>
/// A kind's Bird collection, written once as a path template (<c>/organizations/{organizationId}/access-keys</c>): the
/// calls <c>doctor</c> probes come from it, and so do the paths the kind sends, filled with the target's ids.
/// </summary>
public sealed record BirdCollection(string Template)
{
    /// <summary>List, read, create and delete (and update when <paramref name="update"/>), for <c>doctor</c>.</summary>
    public IEnumerable<BirdCall> Crud(string what, string whats, bool update) => BirdCall.Crud(Template, what, whats, update);

    /// <summary>The collection's path for the target (each segment escaped).</summary>
    public string Path(ProviderContext context) => BirdPaths.Of([.. Segments(context)]);

    /// <summary>One object's path in the collection.</summary>
    public string Item(ProviderContext context, string id) => BirdPaths.Of([.. Segments(context), id]);

    /// <summary>One object as <paramref name="snapshot"/> makes it; null when Bird no longer has it (404).</summary>
    public async Task<ResourceSnapshot?> ReadAsync<TWire>(ProviderContext context, string id, Func<TWire, ResourceSnapshot> snapshot, CancellationToken cancellationToken)
        where TWire : class =>
        await context.Client.GetOrNullAsync<TWire>(Item(context, id), cancellationToken).ConfigureAwait(false) is { } live ? snapshot(live) : null;

    /// <summary>Every object of the collection (all pages, filtered by <paramref name="query"/>) that <paramref name="keep"/> keeps, as snapshots.</summary>
    public async Task<ImmutableArray<ResourceSnapshot>> ListAsync<TWire>(
        ProviderContext context,
        Func<TWire, ResourceSnapshot> snapshot,
        CancellationToken cancellationToken,
        Func<TWire, bool>? keep = null,
        IReadOnlyList<KeyValuePair<string, string>>? query = null)
    {
        var all = await context.Client.ListAllAsync<TWire>(Path(context), query, cancellationToken).ConfigureAwait(false);
        return [.. keep is null ? all.Select(snapshot) : all.Where(keep).Select(snapshot)];
    }

    /// <summary>POSTs <paramref name="body"/> to the collection; Bird's answer as <paramref name="snapshot"/> makes it.</summary>
    public async Task<ResourceSnapshot> CreateAsync<TWire>(ProviderContext context, object body, Func<TWire, ResourceSnapshot> snapshot, CancellationToken cancellationToken) =>
        snapshot(await context.Client.PostAsync<TWire>(Path(context), body, cancellationToken).ConfigureAwait(false));

    /// <summary>Deletes one object; one already gone (404) counts as deleted.</summary>
    public async Task DeleteAsync(ProviderContext context, string id, CancellationToken cancellationToken) =>
        await context.Client.DeleteAsync(Item(context, id), cancellationToken).ConfigureAwait(false);

    /// <summary>Objects of type <c>managed</c> (Bird's own policies and roles) belong to Bird: BirdInfra never owns or adopts them.</summary>
    public static bool ManagedByBird(string? type) => string.Equals(type, BirdRules.ManagedIamType, StringComparison.Ordinal);

    private IEnumerable<string> Segments(ProviderContext context) =>
        Template.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment => segment switch
        {
            BirdCall.OrganizationId => context.OrganizationId,
            BirdCall.WorkspaceId => context.WorkspaceId,
            _ => segment,
        });
}
