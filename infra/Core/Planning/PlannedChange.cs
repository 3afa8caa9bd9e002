
namespace BirdInfra.Planning;

/// <summary>
/// One resource's planned action with its reason and property diffs. <see cref="Current"/> is the object as
/// last read from Bird (null for a create); <see cref="DesiredInputs"/> may hold unknowns for outputs
/// known only after apply (see <see cref="InputResolver.Unknown"/>). <see cref="Consequence"/> says in words what a
/// delete or replacement costs its users (a rotated token, a dropped WhatsApp number), as the kind describes it.
/// </summary>
public sealed record PlannedChange(
    ResourceAddress Address,
    string TypeToken,
    PlanAction Action,
    string Reason,
    ImmutableArray<PropertyDiff> Changes,
    ResourceSnapshot? Current,
    PropertyMap? DesiredInputs,
    ImmutableArray<ResourceAddress> Dependencies,
    bool DeleteBeforeReplace = false,
    bool Deposed = false,
    string? Consequence = null);
