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

    private IEnumerable<string> Segments(ProviderContext context) =>
        Template.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment => segment switch
        {
            BirdCall.OrganizationId => context.OrganizationId,
            BirdCall.WorkspaceId => context.WorkspaceId,
            _ => segment,
        });
}
