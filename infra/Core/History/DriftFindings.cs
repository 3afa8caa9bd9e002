namespace BirdInfra.History;

/// <summary>
/// The counts of a `drift` run's history record: what it found, or (<see cref="Clean"/>) that a run found nothing
/// after one that did, so the history shows when drift began and ended.
/// </summary>
public sealed record DriftFindings(int Drifted, int Deleted, int Beside, int Ignored, int Critical, bool Clean);
