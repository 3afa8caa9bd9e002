
namespace BirdInfra.Refresh;

/// <summary>A difference between state and Bird found by reading Bird: an object gone, changed, adopted or orphaned.</summary>
public sealed record DriftEntry(ResourceAddress Address, string Id, string Description, ImmutableArray<PropertyDiff> Changes)
{
    public const string DeletedOutside = "deleted outside BirdInfra";

    public const string ChangedOutside = "changed outside BirdInfra";
}
