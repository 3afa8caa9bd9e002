namespace BirdInfra.Import;

/// <summary>What <c>import</c> found in Bird for one declaration that state does not own.</summary>
public enum ImportMatch
{
    /// <summary>Exactly one unowned object with the declaration's natural key: recorded as owned.</summary>
    Adopt,

    /// <summary>None: left for <c>up</c> to create.</summary>
    NotFound,

    /// <summary>Several: none is adopted, and import refuses, naming them.</summary>
    Ambiguous,
}
