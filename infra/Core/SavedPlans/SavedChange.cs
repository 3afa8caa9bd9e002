using System.Text.Json;

namespace BirdInfra.SavedPlans;

/// <summary>
/// One planned change as a saved plan holds it: the action and its reason, the id of the object it acts on, and the
/// desired inputs with secrets as salted hashes (<see cref="PlanValueJson"/>). <see cref="Diffs"/> are for display only.
/// </summary>
public sealed record SavedChange(
    ResourceAddress Address,
    string TypeToken,
    PlanAction Action,
    string Reason,
    string? Consequence,
    string? CurrentId,
    ImmutableArray<ResourceAddress> Dependencies,
    bool DeleteBeforeReplace,
    bool Deposed,
    JsonElement? DesiredInputs,
    ImmutableArray<PropertyDiff> Diffs);
