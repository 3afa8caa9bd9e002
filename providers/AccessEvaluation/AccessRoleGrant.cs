
namespace BirdInfra.Providers.AccessEvaluation;

/// <summary>
/// A role an access key holds, with its role reference's <c>workspaces</c>: empty = the role applies in the whole
/// organization; otherwise only to paths inside one of those workspaces (an inference: Bird's docs say the field
/// "presumably limits the role to those workspaces" and do not say what it does to paths outside any workspace; BirdInfra
/// takes the narrow reading, the role does not apply there).
/// </summary>
public sealed record AccessRoleGrant(string Role, ImmutableArray<string> Workspaces, ImmutableArray<AccessPolicyGrant> Policies)
{
    public bool IsScoped => !Workspaces.IsDefaultOrEmpty;

    /// <summary>Whether the role applies to a path inside <paramref name="workspace"/> (null: outside any workspace).</summary>
    public bool AppliesIn(string? workspace) => !IsScoped || (workspace is not null && Workspaces.Contains(workspace));
}
