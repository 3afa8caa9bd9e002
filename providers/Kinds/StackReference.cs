namespace BirdInfra.Providers.Kinds;

/// <summary>A field of a stack entry that names declarations of another section by logical name.</summary>
public sealed record StackReference(string Field, string Section, string Kind);
