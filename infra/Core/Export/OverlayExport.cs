
namespace BirdInfra.Export;

/// <summary>
/// Turns an exported stack file into an overlay of a base (<c>export --base FILE</c>): <c>extends:</c> and only what
/// differs from the base's effective tree; a key the base has and the export lacks is written as null (removed).
/// </summary>
public static class OverlayExport
{
    /// <param name="extends">The base's path as the overlay names it (relative to the stack file).</param>
    public static string Write(string exported, string baseFile, string extends, KindRegistry kinds)
    {
        var bag = new DiagnosticBag();
        var export = StackLoader.ParseTree(exported, "export", kinds, bag) as MappingNode
            ?? throw new InvalidOperationException("The exported stack is not a mapping.");
        var baseTree = StackLoader.EffectiveTree(baseFile, kinds, bag);
        if (bag.HasErrors || baseTree is not MappingNode baseMap)
        {
            throw new Engine.UserError($"The base {baseFile} cannot be read as a stack file: {string.Join("; ", bag.ToImmutable().Where(d => d.IsError).Select(d => d.ToString()))}");
        }

        var overlay = Difference(baseMap, export) as MappingNode;
        var extendsEntry = new MappingEntry(Scalar("extends"), Scalar(extends));
        var entries = overlay is null ? [extendsEntry] : overlay.Entries.Insert(0, extendsEntry);
        return EffectiveStackWriter.WritePlain(new MappingNode(1, 1, string.Empty, entries));
    }

    /// <summary>What <paramref name="overlay"/> must say for the base to become it; null when they are the same.</summary>
    private static StackNode? Difference(StackNode baseNode, StackNode overlay)
    {
        if (baseNode is MappingNode baseMap && overlay is MappingNode overlayMap)
        {
            var entries = ImmutableArray.CreateBuilder<MappingEntry>();
            foreach (var entry in overlayMap.Entries)
            {
                if (baseMap.Find(entry.Key.Value) is not { } inBase)
                {
                    entries.Add(entry);
                }
                else if (Difference(inBase.Value, entry.Value) is { } changed)
                {
                    entries.Add(new MappingEntry(entry.Key, changed));
                }
            }

            foreach (var entry in baseMap.Entries.Where(e => overlayMap.Find(e.Key.Value) is null && e.Value is not ScalarNode { IsNull: true }))
            {
                entries.Add(new MappingEntry(entry.Key, Scalar("null", plain: true)));
            }

            return entries.Count == 0 ? null : new MappingNode(overlayMap.Line, overlayMap.Column, overlayMap.Path, entries.ToImmutable());
        }

        return Same(baseNode, overlay) ? null : overlay;
    }

    private static bool Same(StackNode a, StackNode b) => (a, b) switch
    {
        (ScalarNode x, ScalarNode y) => x.Value == y.Value && x.IsNull == y.IsNull,
        (SequenceNode x, SequenceNode y) => x.Items.Length == y.Items.Length && x.Items.Zip(y.Items).All(p => Same(p.First, p.Second)),
        (MappingNode x, MappingNode y) => x.Entries.Length == y.Entries.Length
            && x.Entries.All(e => y.Find(e.Key.Value) is { } other && Same(e.Value, other.Value)),
        _ => false,
    };

    private static ScalarNode Scalar(string text, bool plain = false) => new(1, 1, string.Empty, text, plain, hasTag: false);
}
