
namespace BirdInfra.Access;

/// <summary>
/// What a change does to one key's access: the allow rows it gains and loses, and the catalogue operations it may now
/// do for every id (gained) or no longer may (lost); the latter also reflect denies and scoping. <see cref="IsNew"/>:
/// Bird holds no such key yet (all its access is gained).
/// </summary>
public sealed record AccessChange(
    string Key,
    ImmutableArray<AccessGrantRow> Gains,
    ImmutableArray<AccessGrantRow> Loses,
    ImmutableArray<AccessOperationResult> Gained,
    ImmutableArray<AccessOperationResult> Lost)
{
    public bool IsNew { get; init; }

    public bool IsEmpty => Gains.IsEmpty && Loses.IsEmpty && Gained.IsEmpty && Lost.IsEmpty;
}
