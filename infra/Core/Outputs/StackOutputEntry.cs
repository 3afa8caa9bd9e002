
namespace BirdInfra.Outputs;

/// <summary>One resource's value of a stack output: secret-wrapped when the output is secret; null when state lacks it.</summary>
public sealed record StackOutputEntry(string Resource, PropertyValue? Value);
