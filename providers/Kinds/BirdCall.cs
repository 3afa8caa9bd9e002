namespace BirdInfra.Providers.Kinds;

/// <summary>
/// One request a kind sends to Bird, as a method and a path template (<c>{organizationId}</c>, <c>{workspaceId}</c>,
/// <c>{id}</c> for an object's id), with what it is for. <c>doctor</c> probes each one a stack needs. An
/// <see cref="Optional"/> call is one BirdInfra does without when it is refused (a warning, not a failure).
/// </summary>
public sealed record BirdCall(string Method, string Template, string Purpose, bool Optional = false)
{
    public const string OrganizationId = "{organizationId}";
    public const string WorkspaceId = "{workspaceId}";
    public const string Id = "{id}";

    public static BirdCall List(string collection, string what) => new("GET", collection, $"list {what}");

    public static BirdCall Get(string collection, string what) => new("GET", collection + "/" + Id, $"read {what}");

    public static BirdCall Create(string collection, string what) => new("POST", collection, $"create {what}");

    public static BirdCall Update(string collection, string what) => new("PATCH", collection + "/" + Id, $"update {what}");

    public static BirdCall Delete(string collection, string what) => new("DELETE", collection + "/" + Id, $"delete {what}");

    /// <summary>List, read, create and delete of one collection (and update when <paramref name="update"/>).</summary>
    public static IEnumerable<BirdCall> Crud(string collection, string what, string whats, bool update)
    {
        yield return List(collection, whats);
        yield return Get(collection, "one " + what);
        yield return Create(collection, "one " + what);
        if (update)
        {
            yield return Update(collection, "one " + what);
        }

        yield return Delete(collection, "one " + what);
    }
}
