namespace BirdInfra.Access;

/// <summary>What one probe says about a permission: only a 403 counts as denied.</summary>
public enum ProbeVerdict
{
    Allowed,
    Denied,
    Inconclusive,
}
