
namespace BirdInfra.Import;

/// <summary>What <c>import</c> would record: one entry per declaration state does not own, in dependency order.</summary>
public sealed record ImportPlan(ImmutableArray<ImportEntry> Entries)
{
    public ImmutableArray<ImportEntry> Adopted => [.. Entries.Where(e => e.Match == ImportMatch.Adopt)];

    public ImmutableArray<ImportEntry> NotFound => [.. Entries.Where(e => e.Match == ImportMatch.NotFound)];

    public ImmutableArray<ImportEntry> Ambiguous => [.. Entries.Where(e => e.Match == ImportMatch.Ambiguous)];
}
