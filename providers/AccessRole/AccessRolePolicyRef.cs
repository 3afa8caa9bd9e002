namespace BirdInfra.Providers.AccessRole;

/// <summary>A role's reference to a policy: its id and its type (<c>organization</c> for custom policies, <c>managed</c> for Bird's).</summary>
public sealed record AccessRolePolicyRef(string Id, string Type);
