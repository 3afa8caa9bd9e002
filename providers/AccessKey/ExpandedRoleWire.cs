namespace BirdInfra.Providers.AccessKey;

/// <summary>
/// One item of the <c>roles</c> a GET of one access key may answer instead of <c>roleRefs</c>: a full role object
/// (fact sheet §2.4), read only for its id and type. It carries no workspaces.
/// </summary>
internal sealed record ExpandedRoleWire(string Id, string? Type);
