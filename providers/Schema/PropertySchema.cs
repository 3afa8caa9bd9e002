namespace BirdInfra.Providers.Schema;

/// <summary>One documented property.</summary>
public sealed record PropertySchema(
    string Name,
    PropertyType Type,
    string Description,
    bool Required = false,
    bool Secret = false,
    bool ReplaceOnChange = false);
