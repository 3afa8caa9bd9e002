namespace BirdInfra.Providers.Kinds;

/// <summary>Where a kind stands in Bird's IAM chain: a key holds roles, a role holds policies, a policy holds rows.</summary>
public enum AccessTier
{
    Key,
    Role,
    Policy,
}
