namespace BirdInfra.Compare;

/// <summary>One property of one resource both stacks declare, with different values (null: absent on that side).</summary>
/// <param name="Address">The resource's address, <c>Kind.name</c>.</param>
/// <param name="Path">The property in the stack file's words, e.g. <c>definitions[1].resources[0]</c>.</param>
/// <param name="Expected">Listed in either stack's <c>compare.expect</c>: reported, not counted.</param>
public sealed record PropertyDifference(string Address, string Path, string? Left, string? Right, bool Expected);
