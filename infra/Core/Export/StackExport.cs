
namespace BirdInfra.Export;

/// <summary>An exported stack file: its text, how many Bird objects it declares, and the variables its secrets are read from.</summary>
public sealed record StackExport(string Text, int Resources, ImmutableArray<string> SecretVariables);
