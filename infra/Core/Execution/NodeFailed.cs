
namespace BirdInfra.Execution;

/// <summary>The node's action threw <paramref name="Error"/>; nothing that depends on the node was started.</summary>
public sealed record NodeFailed(ResourceAddress Address, Exception Error) : NodeResult(Address);
