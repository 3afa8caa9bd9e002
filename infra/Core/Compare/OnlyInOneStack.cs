namespace BirdInfra.Compare;

/// <summary>A resource one of the two stacks declares and the other does not.</summary>
public sealed record OnlyInOneStack(string Address, bool Expected);
