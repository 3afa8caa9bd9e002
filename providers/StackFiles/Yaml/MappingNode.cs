
namespace BirdInfra.Providers.StackFiles.Yaml;

/// <summary>A mapping whose keys are unique strings (duplicates were reported and dropped while reading).</summary>
public sealed class MappingNode(int line, int column, string path, ImmutableArray<MappingEntry> entries)
    : StackNode(line, column, path)
{
    public ImmutableArray<MappingEntry> Entries { get; } = entries;

    public override int ExpandedSize { get; } = 1 + entries.Sum(e => 1 + e.Value.ExpandedSize);

    public MappingEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);

    public override string Describe() => "a mapping";
}
