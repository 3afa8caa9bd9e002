namespace BirdInfra.Providers.Kinds;

/// <summary>
/// How a kind's inputs carry access (<see cref="IResourceKind.Access"/>), named by the kind's own properties, so the
/// access evaluator reads a stack's declarations and Bird's objects without naming a field: a key's and a role's
/// <see cref="List"/> of links, each naming the linked role or policy by <see cref="Id"/> (a key's also the workspaces
/// the role is limited to); a policy's <see cref="List"/> of rows, each an effect, actions and resources.
/// </summary>
/// <param name="List">The property holding the links or the rows.</param>
public sealed record AccessPart(AccessTier Tier, string List)
{
    /// <summary>In each link: the property naming the linked object (a role's or policy's Bird id, or a reference to its declaration).</summary>
    public string? Id { get; init; }

    /// <summary>In each of a key's links: the workspace ids the role is limited to (none: organization-wide).</summary>
    public string? Workspaces { get; init; }

    /// <summary>In a key's outputs: its secret token, which <c>access --probe</c> authenticates with.</summary>
    public string? Token { get; init; }

    /// <summary>In each of a policy's rows: allow or deny.</summary>
    public string? Effect { get; init; }

    /// <summary>In each of a policy's rows: the actions.</summary>
    public string? Actions { get; init; }

    /// <summary>In each of a policy's rows: the resource paths.</summary>
    public string? Resources { get; init; }
}
