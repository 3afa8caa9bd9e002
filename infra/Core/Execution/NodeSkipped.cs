
namespace BirdInfra.Execution;

/// <summary>
/// The node's action never ran because <paramref name="FailedDependency"/>, which it depends on directly or through
/// other skipped nodes, failed.
/// </summary>
public sealed record NodeSkipped(ResourceAddress Address, ResourceAddress FailedDependency) : NodeResult(Address);
