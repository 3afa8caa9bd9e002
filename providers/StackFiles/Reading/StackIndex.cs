
namespace BirdInfra.Providers.StackFiles.Reading;

/// <summary>
/// What the section readers saw, for the checks every section shares across declarations: references, Bird-side
/// name uniqueness and protections (a section's own rules across declarations are its <c>CrossRules</c>). Filled
/// even for declarations with errors, so one mistake does not cascade into "undeclared" reports elsewhere.
/// </summary>
public sealed class StackIndex
{
    public Dictionary<string, List<ScalarNode>> Declared { get; } = new(StringComparer.Ordinal);

    public List<(string Section, string Name, StackNode Node)> References { get; } = [];

    public List<(string Section, string Name, StackNode Node)> BirdNames { get; } = [];

    /// <summary>Each declaration's own <c>protect: true|false</c>.</summary>
    public List<(string Section, string Name, bool Protect, StackNode Node)> Protections { get; } = [];

    public IReadOnlyList<string> DeclaredIn(string section) =>
        Declared.TryGetValue(section, out var keys) ? keys.Select(k => k.Value).ToList() : [];
}
