
namespace BirdInfra.Apply;

/// <summary>A failed operation, named by operation, kind and resource, with a message a user can act on.</summary>
public sealed record ApplyFailure(string Operation, ResourceAddress Address, string Message)
{
    public override string ToString() => $"{Operation} {Address.Kind} {Address.Name} failed: {Message}";
}
