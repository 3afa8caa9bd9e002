
namespace BirdInfra.Graph;

/// <summary>The compiled stack: every declared resource, in dependency order (dependencies first).</summary>
public sealed record DesiredGraph(ImmutableArray<ResourceDeclaration> Resources)
{
    public ResourceDeclaration? Find(ResourceAddress address) =>
        Resources.FirstOrDefault(r => r.Address == address);
}
