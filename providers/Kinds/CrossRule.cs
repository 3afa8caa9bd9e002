
namespace BirdInfra.Providers.Kinds;

/// <summary>
/// A rule across the declarations of one section (Bird refuses two connectors for one number, a sixth subscription
/// per filter set), declared by the section in <see cref="StackSection.CrossRules"/> and run by <c>validate</c> on
/// every entry read, after the kind's <see cref="IResourceKind.Check"/>.
/// </summary>
/// <param name="Code">The diagnostic code of a breach.</param>
/// <param name="Reads">
/// The input paths the rule reads. An entry whose check failed at or under one of them is left out: that value's
/// problem is reported already and comparing it would only repeat it. Null when the rule is about the entry as a
/// whole: an entry whose check failed anywhere is left out.
/// </param>
/// <param name="At">The input path whose YAML node a breach points at; null for the entry's logical name.</param>
/// <param name="Hint">How to fix a breach.</param>
public abstract record CrossRule(string Code, ImmutableArray<string>? Reads, string? At, string Hint)
{
    /// <summary>Whether a check failure at <paramref name="failurePath"/> concerns an input this rule reads.</summary>
    public bool Concerns(string failurePath) =>
        Reads is not { } reads || reads.Any(read => failurePath == read
            || (failurePath.StartsWith(read, StringComparison.Ordinal) && failurePath[read.Length] is '.' or '['));
}
