
namespace BirdInfra.Rendering;

/// <summary>The words every access renderer uses for a key's scope and for an answer over every id.</summary>
public static class AccessWords
{
    public const string ScopeInference = "workspace scoping is an inference: Bird's docs say a role reference's workspaces presumably limit the role to them";

    public static string Range(AccessRange range) => range switch
    {
        AccessRange.AllowedForEvery => "may",
        AccessRange.DeniedForEvery => "may not",
        AccessRange.DependsOnId => "only some ids",
        _ => "unknown",
    };

    /// <summary>e.g. <c>contact-center in workspace ${workspaceId}</c> or <c>admin (organization-wide)</c>.</summary>
    public static string Role(AccessRoleGrant role) =>
        role.IsScoped ? $"{role.Role} in workspace{(role.Workspaces.Length == 1 ? string.Empty : "s")} {string.Join(", ", role.Workspaces)}" : $"{role.Role} (organization-wide)";

    public static string Workspaces(ImmutableArray<string> workspaces) =>
        workspaces.IsDefaultOrEmpty ? "organization-wide" : string.Join(", ", workspaces);

    /// <summary>What the answer means for a key, with the witness ids when it depends on them.</summary>
    public static string Detail(AccessOperationResult result) => result.Outcome.Range switch
    {
        AccessRange.DependsOnId => $"allowed on {result.Outcome.AllowedPath}, denied on {result.Outcome.DeniedPath}",
        AccessRange.Unknown => "cannot be decided for every id (a policy whose definitions are unknown, or too many ids to try)",
        _ => string.Empty,
    };

    /// <summary>The groups the renderers list, in this order.</summary>
    public static readonly ImmutableArray<AccessRange> Order = [AccessRange.AllowedForEvery, AccessRange.DependsOnId, AccessRange.Unknown, AccessRange.DeniedForEvery];

    public static string Decided(AccessDecision decision) => decision.DecidedBy is { } rule
        ? $"{rule.Effect} {rule.Source.Policy} {rule.Source.DefinitionPath} ({rule.Source.Where}) on {decision.Resource}"
        : decision.Verdict == AccessVerdict.Unknown ? "a policy whose definitions are unknown" : "nothing allows it (denied by default)";
}
