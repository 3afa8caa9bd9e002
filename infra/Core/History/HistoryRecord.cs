using System.Text.Json.Serialization;

namespace BirdInfra.History;

/// <summary>
/// One line of a stack's history: a command that changed its state, or a `drift` run that found something (or the first
/// clean one after it). <see cref="Who"/> is user@host or the CI's actor;
/// <see cref="Commit"/> the git commit the stack file was at (null outside a repository), with
/// <see cref="StackFileModified"/> when the file differs from it; <see cref="Result"/> is succeeded or failed.
/// </summary>
public sealed record HistoryRecord(
    DateTimeOffset Time,
    string Stack,
    string Command,
    string Who,
    string? Ci,
    string? Commit,
    bool StackFileModified,
    PlanSummary? Summary,
    ImmutableArray<HistoryChange> Changes,
    ImmutableArray<string> Drift,
    string Result,
    string? Error)
{
    /// <summary>What the command did to each access key's access (gains, losses, operations it now may or no longer may do); empty in older records.</summary>
    public ImmutableArray<string> AccessChanges { get; init; } = [];

    public const string Succeeded = "succeeded";

    public const string Failed = "failed";

    /// <summary>A `drift` run's counts (its findings' addresses are in <see cref="Drift"/>); absent from every other record.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DriftFindings? Findings { get; init; }
}
