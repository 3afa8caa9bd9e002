
namespace BirdInfra.State;

/// <summary>An object the stack owned was deleted (<see cref="StackState.WithoutResource"/>).</summary>
public sealed record ResourceForgotten(ResourceAddress Address, string Id) : StateChange
{
    public override StackState ApplyTo(StackState state) => state.WithoutResource(Address, Id);
}
