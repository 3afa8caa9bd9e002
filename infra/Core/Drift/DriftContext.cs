namespace BirdInfra.Drift;

/// <summary>
/// What drift needs besides the stack's own reading of Bird: which token the target authenticates with (by its suffix),
/// what other stacks own (<c>drift.stacks</c>), and which objects are expected beside the stack (<c>drift.ignore</c>).
/// </summary>
/// <param name="IsDeployKeySuffix">True for the suffix Bird lists for the key the target authenticates with.</param>
/// <param name="OwnedElsewhere">Bird ids the stacks named in <c>drift.stacks</c> own (their state, read only).</param>
/// <param name="IsIgnored">True for an object <c>drift.ignore</c> names, given its kind, id and name.</param>
public sealed record DriftContext(
    Func<string, bool> IsDeployKeySuffix,
    IReadOnlySet<string> OwnedElsewhere,
    Func<string, string, string, bool> IsIgnored)
{
    /// <summary>The target's organization and workspace ids, which a key's policies name as <c>${organizationId}</c>/<c>${workspaceId}</c>.</summary>
    public (string OrganizationId, string WorkspaceId) Target { get; init; } = (string.Empty, string.Empty);

    public static readonly DriftContext None = new(_ => false, new HashSet<string>(), (_, _, _) => false);
}
