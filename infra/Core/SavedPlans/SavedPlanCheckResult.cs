
namespace BirdInfra.SavedPlans;

/// <summary>The saved plan ready to apply (secrets resolved again and checked), or what moved since it was made.</summary>
public sealed record SavedPlanCheckResult(Plan? Plan, ImmutableArray<string> Moved)
{
    public bool IsStale => !Moved.IsEmpty;
}
