
namespace BirdInfra.Import;

/// <summary>One declaration state did not own, and what Bird holds for it.</summary>
/// <param name="Adopted">The state record to write, for <see cref="ImportMatch.Adopt"/>.</param>
/// <param name="Candidates">The Bird ids that matched (one for adopt, several for ambiguous).</param>
public sealed record ImportEntry(ResourceAddress Address, string NaturalKey, ImportMatch Match, ImmutableArray<string> Candidates, StateResource? Adopted);
