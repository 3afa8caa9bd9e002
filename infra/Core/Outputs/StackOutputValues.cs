
namespace BirdInfra.Outputs;

/// <summary>A stack output as state holds it: one entry per resource of its kind, by logical name (ordinal order).</summary>
public sealed record StackOutputValues(StackOutput Output, ImmutableArray<StackOutputEntry> Entries)
{
    public string Name => Output.Name;
}
