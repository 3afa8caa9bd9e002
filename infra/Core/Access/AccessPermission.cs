
namespace BirdInfra.Access;

/// <summary>One permission row of a key: effect, action and resource pattern, where it comes from, and the workspaces its role is scoped to (empty: organization-wide).</summary>
public sealed record AccessPermission(string Effect, string Action, string Resource, AccessSource Source, ImmutableArray<string> Workspaces);
