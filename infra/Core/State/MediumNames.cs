namespace BirdInfra.State;

/// <summary>A medium's names (<see cref="IStateMedium.Name"/>, <see cref="IStateMedium.JournalName"/>) are written to stand mid-sentence.</summary>
internal static class MediumNames
{
    /// <summary>The name at the start of a sentence: "The state file …".</summary>
    public static string Capitalized(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
