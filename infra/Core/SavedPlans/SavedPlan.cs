
namespace BirdInfra.SavedPlans;

/// <summary>
/// A plan written by `preview --out` for `up --plan`: the changes, and everything it was computed from that may move
/// before it is applied (the stack file, the state, the target, every live object read; secrets are checked apart).
/// <see cref="Lineage"/> is null for a stack with no state yet (its first `up`).
/// </summary>
public sealed record SavedPlan(
    string Stack,
    DateTimeOffset CreatedAt,
    string StackFileSha256,
    string? Lineage,
    long Serial,
    string OrganizationId,
    string WorkspaceId,
    bool AllowDestructiveChanges,
    ImmutableArray<SavedChange> Changes,
    ImmutableArray<LiveFingerprint> LiveObjects)
{
    public const string Format = "birdinfra-plan";

    public const int CurrentVersion = 1;
}
