
namespace BirdInfra.History;

/// <summary>
/// One change a run applied (or tried to): kind, logical name, action, Bird id, the properties it set or changed as
/// display text with secrets masked, and how it ended: done, failed, skipped (a resource it depends on failed) or not done (interrupted, or deletions after a failure).
/// </summary>
public sealed record HistoryChange(
    string Kind,
    string Name,
    string Action,
    string? Id,
    ImmutableArray<HistoryProperty> Properties,
    string Status);
