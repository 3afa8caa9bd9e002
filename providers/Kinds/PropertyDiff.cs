
namespace BirdInfra.Providers.Kinds;

/// <summary>One changed property: its path, old and new values (null = absent), and whether it forces a replacement.</summary>
public sealed record PropertyDiff(string Path, PropertyValue? Old, PropertyValue? New, bool ForcesReplacement);
