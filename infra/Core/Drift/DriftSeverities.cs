
namespace BirdInfra.Drift;

/// <summary>
/// The severity of a finding, by the rule: critical for a key beside the stack or a change that gives a key more
/// access; warning for a deleted managed object or a change to where traffic goes; info otherwise. Which fields move
/// traffic or grant access each kind's field table says (<see cref="KindField.Drift"/>), and what an object beside the
/// stack weighs its <see cref="IResourceKind.Beside"/>; a kind that declares nothing gives info.
/// </summary>
public static class DriftSeverities
{
    public static DriftSeverity OfDeleted() => DriftSeverity.Warning;

    /// <summary>The highest severity of the changes to an object of <paramref name="kind"/> (null: a kind the registry lacks).</summary>
    public static DriftSeverity OfChanges(IResourceKind? kind, IEnumerable<DriftChange> changes) =>
        changes.Select(c => OfChange(kind, c)).DefaultIfEmpty(DriftSeverity.Info).Max();

    private static DriftSeverity OfChange(IResourceKind? kind, DriftChange change) =>
        kind?.Stack?.Fields.Fields.FirstOrDefault(f => f.Property == change.Path)?.Drift?.Of(change.Expected, change.Actual) ?? DriftSeverity.Info;
}
