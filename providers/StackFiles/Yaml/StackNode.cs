namespace BirdInfra.Providers.StackFiles.Yaml;

/// <summary>
/// A node of a stack file's YAML tree, with where it starts and its YAML path. Nodes reached through an
/// alias are the anchored node itself (shared, never copied), so they report the anchor's position.
/// </summary>
public abstract class StackNode(int line, int column, string path)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Path { get; } = path;

    /// <summary>The file the node was written in: with <c>extends</c>, a value from a base keeps its base's file.</summary>
    public string? File { get; init; }

    /// <summary>Nodes in this subtree, counting aliased subtrees in full (the expansion size).</summary>
    public abstract int ExpandedSize { get; }

    /// <summary>What the node is, for "expected X, found Y" messages.</summary>
    public abstract string Describe();
}
