
namespace BirdInfra.Providers.StackFiles.ValueSources;

/// <summary>A reference to another declaration of the stack by its logical name, and where it is written.</summary>
public sealed record LogicalReference(string Name, SourceLocation Location);
