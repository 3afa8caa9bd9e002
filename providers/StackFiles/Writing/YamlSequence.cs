
namespace BirdInfra.Providers.StackFiles.Writing;

/// <summary>A list, written in flow style (<c>[a, b]</c>) or one item per line.</summary>
public sealed record YamlSequence(ImmutableArray<YamlOut> Items, bool Flow = false) : YamlOut
{
    public static YamlSequence Of(IEnumerable<string> texts, bool flow = false) => new([.. texts.Select(t => (YamlOut)new YamlScalar(t))], flow);
}
