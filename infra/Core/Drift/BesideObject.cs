
namespace BirdInfra.Drift;

/// <summary>
/// An object of the stack's organization or workspace that no stack owns: what it is (<see cref="Detail"/>) and how much it
/// matters. <see cref="DeployKey"/> marks the key the target authenticates with, which is reported but expected.
/// </summary>
public sealed record BesideObject(string Kind, string Id, string Name, DriftSeverity Severity, string Detail, bool DeployKey = false)
{
    /// <summary>What history and the markdown report name it by: kind and id (names are not unique in Bird).</summary>
    public string Address => $"{Kind}:{Id}";
}
