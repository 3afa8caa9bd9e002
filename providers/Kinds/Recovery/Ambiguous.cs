
namespace BirdInfra.Providers.Kinds.Recovery;

/// <summary>
/// Several unowned objects have the natural key: at most one is the create's, and the wrong one would be someone
/// else's object (adopted, a later delete would remove it). None is adopted or deleted; the caller stops with <see cref="Problem"/>.
/// </summary>
/// <param name="Matches">The candidates, ordered by id.</param>
public sealed record Ambiguous(string Kind, string NaturalKey, ImmutableArray<ResourceSnapshot> Matches) : RecoveryDecision
{
    /// <summary>What the user reads: the candidates by id, and what to do.</summary>
    public string Problem =>
        $"Bird holds {Matches.Length} {Kind} objects with the same natural key ({NaturalKey}) that this stack does not own "
        + $"({string.Join(", ", Matches.Select(m => m.Id))}); none was adopted or deleted, since one may be someone else's: remove the stray ones and run again.";
}
