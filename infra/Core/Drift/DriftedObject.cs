
namespace BirdInfra.Drift;

/// <summary>A managed object changed or deleted outside BirdInfra, property by property.</summary>
public sealed record DriftedObject(string Kind, string Name, string Id, DriftSeverity Severity, bool Deleted, ImmutableArray<DriftChange> Changes)
{
    /// <summary>The object's address, e.g. <c>AccessKey.contact-center</c>.</summary>
    public string Address => $"{Kind}.{Name}";
}
