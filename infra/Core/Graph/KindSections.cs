using System.Collections.Immutable;
using BirdInfra.Providers.Kinds;

namespace BirdInfra.Graph;

/// <summary>The stack-file sections, derived from the kinds' own definitions: guards and protection name resources by section.</summary>
public static class KindSections
{
    /// <summary>Every section, in rank order.</summary>
    public static ImmutableArray<string> Names { get; } = [.. BirdKinds.Default.Sections.Select(s => s.Name)];

    public static string SectionOf(string kind) => BirdKinds.Default.SectionOf(kind);
}
