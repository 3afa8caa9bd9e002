
namespace BirdInfra.Graph;

/// <summary>One desired resource: its address, its input expressions and where the stack file declares it.</summary>
/// <param name="Protected">Guarded against deletion and replacement (guards.protect or the resource's own protect:).</param>
public sealed record ResourceDeclaration(
    ResourceAddress Address,
    ImmutableSortedDictionary<string, InputExpression> Inputs,
    SourceLocation? Location,
    string YamlPath,
    bool Protected = false)
{
    /// <summary>Every resource this one reads an output of, in a stable order.</summary>
    public ImmutableArray<ResourceAddress> Dependencies { get; } = CollectDependencies(Inputs);

    private static ImmutableArray<ResourceAddress> CollectDependencies(ImmutableSortedDictionary<string, InputExpression> inputs)
    {
        var found = new SortedSet<ResourceAddress>();
        foreach (var expression in inputs.Values)
        {
            Collect(expression, found);
        }

        return found.ToImmutableArray();
    }

    private static void Collect(InputExpression expression, SortedSet<ResourceAddress> found)
    {
        switch (expression)
        {
            case OutputReference reference:
                found.Add(reference.Target);
                break;
            case ListInput list:
                foreach (var item in list.Items)
                {
                    Collect(item, found);
                }

                break;
            case MapInput map:
                foreach (var item in map.Properties.Values)
                {
                    Collect(item, found);
                }

                break;
        }
    }
}
