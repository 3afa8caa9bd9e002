
namespace BirdInfra.Providers.Kinds;

/// <summary>
/// One declaration as its section read it: the kind's inputs (references to other declarations, secret sources and
/// interpolated text still unresolved) and, per input path, the YAML node it came from, so that the kind's check
/// failures point at the right line and column.
/// </summary>
public sealed record StackEntry(
    string Kind,
    string Section,
    string LogicalName,
    ImmutableSortedDictionary<string, InputExpression> Inputs,
    SourceLocation Location,
    ImmutableDictionary<string, StackNode> Nodes)
{
    public string YamlPath => $"{Section}.{LogicalName}";

    /// <summary>The node an input path (e.g. <c>definitions[0].actions[1]</c>) came from: the deepest recorded prefix.</summary>
    public StackNode? NodeFor(string inputPath)
    {
        for (var path = inputPath; path.Length > 0; path = Parent(path))
        {
            if (Nodes.TryGetValue(path, out var node))
            {
                return node;
            }
        }

        return null;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }
}
