
namespace BirdInfra.Providers.Kinds;

/// <summary>
/// At most <paramref name="Max"/> entries of the section per group; every entry beyond it is reported. Entries an
/// earlier rule of the section reported (a duplicate, say) are not counted.
/// </summary>
/// <param name="Group">The entry's group, from its inputs; null when an input it needs is unreadable or unknown (then not counted).</param>
/// <param name="Message">The message for an entry, given its number in its group.</param>
public sealed record GroupLimitRule(
    string Code,
    ImmutableArray<string>? Reads,
    Func<StackEntry, string?> Group,
    int Max,
    string? At,
    Func<StackEntry, int, string> Message,
    string Hint) : CrossRule(Code, Reads, At, Hint);
