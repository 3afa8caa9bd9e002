
namespace BirdInfra.Providers.Kinds;

/// <summary>No two entries of the section may have the same key; every entry after the first with a key is reported.</summary>
/// <param name="Key">The entry's key, from its inputs; null when an input it needs is unreadable or unknown (then not compared).</param>
/// <param name="Message">The message for an entry, given its key and the line of the first entry with that key.</param>
public sealed record UniqueKeyRule(
    string Code,
    ImmutableArray<string>? Reads,
    Func<StackEntry, string?> Key,
    string? At,
    Func<StackEntry, string, int, string> Message,
    string Hint) : CrossRule(Code, Reads, At, Hint);
