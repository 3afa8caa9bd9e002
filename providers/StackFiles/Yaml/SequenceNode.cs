
namespace BirdInfra.Providers.StackFiles.Yaml;

public sealed class SequenceNode(int line, int column, string path, ImmutableArray<StackNode> items)
    : StackNode(line, column, path)
{
    public ImmutableArray<StackNode> Items { get; } = items;

    public override int ExpandedSize { get; } = 1 + items.Sum(i => i.ExpandedSize);

    public override string Describe() => "a list";
}
