
namespace BirdInfra.Apply;

/// <summary>An operation an apply finished (Create, Update, Replace or Delete of one resource), for the stack's history.</summary>
public sealed record CompletedOperation(string Operation, ResourceAddress Address);
