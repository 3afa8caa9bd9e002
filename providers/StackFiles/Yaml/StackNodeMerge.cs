
namespace BirdInfra.Providers.StackFiles.Yaml;

/// <summary>
/// Lays an overlay's tree over its base's (<c>extends</c>): mappings merge by key, recursively; anything else (a list,
/// a scalar, a change of shape) replaces the base's value; a null in the overlay removes the base's key. Every node
/// keeps its own file and position, so a diagnostic names where its value was written.
/// </summary>
public static class StackNodeMerge
{
    public static StackNode Merge(StackNode baseNode, StackNode overlay)
    {
        if (baseNode is not MappingNode baseMap || overlay is not MappingNode overlayMap)
        {
            return overlay;
        }

        var entries = ImmutableArray.CreateBuilder<MappingEntry>();
        foreach (var entry in baseMap.Entries)
        {
            if (overlayMap.Find(entry.Key.Value) is not { } over)
            {
                entries.Add(entry);
            }
            else if (over.Value is not ScalarNode { IsNull: true })
            {
                entries.Add(new MappingEntry(over.Key, Merge(entry.Value, over.Value)));
            }
        }

        // A key the base lacks is taken as written (a null there reads as it would without a base).
        entries.AddRange(overlayMap.Entries.Where(e => baseMap.Find(e.Key.Value) is null));
        return new MappingNode(overlayMap.Line, overlayMap.Column, overlayMap.Path, entries.ToImmutable()) { File = overlayMap.File };
    }

    /// <summary>The mapping without one key (the overlay's own <c>extends</c>, which is not part of the effective stack).</summary>
    public static MappingNode Without(MappingNode mapping, string key) =>
        new(mapping.Line, mapping.Column, mapping.Path, [.. mapping.Entries.Where(e => e.Key.Value != key)]) { File = mapping.File };
}
