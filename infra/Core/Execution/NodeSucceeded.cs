
namespace BirdInfra.Execution;

/// <summary>The node's action ran to completion.</summary>
public sealed record NodeSucceeded(ResourceAddress Address) : NodeResult(Address);
