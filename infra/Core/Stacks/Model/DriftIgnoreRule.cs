using System.Text.RegularExpressions;

namespace BirdInfra.Stacks.Model;

/// <summary>
/// One <c>drift.ignore</c> entry: objects of <see cref="Kind"/> expected beside the stack, by name glob (<c>*</c> any run
/// of characters) or by Bird id. Ignored objects are counted, not reported.
/// </summary>
public sealed record DriftIgnoreRule(string Kind, string? Name, string? Id, SourceLocation Location)
{
    public bool Matches(string kind, string id, string name) =>
        kind == Kind && (Id is not null ? string.Equals(Id, id, StringComparison.OrdinalIgnoreCase) : Glob(Name!).IsMatch(name));

    private static Regex Glob(string pattern) =>
        new("^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
