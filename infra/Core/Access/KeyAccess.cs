using BirdInfra.Providers.Access;
using BirdInfra.Providers.Kinds;

namespace BirdInfra.Access;

/// <summary>A declared access key and what the evaluator needs of it: its roles, their scope and their policies' rules.</summary>
public sealed record KeyAccess(StackEntry Entry, AccessSubject Subject)
{
    public string Key => Entry.LogicalName;

    /// <summary>The workspace the key's roles are all scoped to, or null (organization-wide, or several).</summary>
    public string? SingleWorkspace => SingleWorkspaceOf(Subject);

    public static string? SingleWorkspaceOf(AccessSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var scopes = subject.Roles.Select(r => r.IsScoped ? string.Join(',', r.Workspaces) : string.Empty).Distinct().ToList();
        return scopes is [{ Length: > 0 } only] && !only.Contains(',', StringComparison.Ordinal) ? only : null;
    }
}
