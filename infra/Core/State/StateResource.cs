
namespace BirdInfra.State;

/// <summary>
/// An object the stack owns in Bird. <see cref="Deposed"/> marks the old half of a create-before-delete
/// replacement: still owned, waiting to be deleted.
/// </summary>
public sealed record StateResource(
    ResourceAddress Address,
    string Id,
    PropertyMap Inputs,
    PropertyMap Outputs,
    ImmutableArray<ResourceAddress> Dependencies,
    bool Deposed = false)
{
    public ResourceSnapshot Snapshot => new(Id, Inputs, Outputs);
}
