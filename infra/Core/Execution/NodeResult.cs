
namespace BirdInfra.Execution;

/// <summary>How one node of a <see cref="GraphExecutor"/> run ended: <see cref="NodeSucceeded"/>, <see cref="NodeFailed"/> or <see cref="NodeSkipped"/>.</summary>
public abstract record NodeResult(ResourceAddress Address);
