using System.Text.RegularExpressions;

namespace BirdInfra.Stacks.Model;

/// <summary>
/// One item of <c>compare.expect</c>: a section, a logical-name glob and optionally a property glob
/// (<c>webhookSubscriptions.*.url</c>). With a property it expects that property to differ; without one, that a
/// resource exists on one side only. <c>*</c> matches any run of characters within one name or path segment.
/// </summary>
public sealed record CompareExpectation(string Pattern, string Section, string NameGlob, string? PropertyGlob, SourceLocation Location)
{
    /// <summary>Whether this expects the resource <paramref name="section"/>.<paramref name="name"/> to be on one side only.</summary>
    public bool MatchesResource(string section, string name) =>
        PropertyGlob is null && section == Section && Glob(NameGlob).IsMatch(name);

    /// <summary>Whether this expects <paramref name="path"/> (e.g. <c>definitions[1].resources[0]</c>) of the resource to differ.</summary>
    public bool MatchesProperty(string section, string name, string path) =>
        PropertyGlob is { } property && section == Section && Glob(NameGlob).IsMatch(name)
        && new Regex("^" + GlobText(property) + @"($|[.\[])", RegexOptions.CultureInvariant).IsMatch(path);

    private static Regex Glob(string glob) => new("^" + GlobText(glob) + "$", RegexOptions.CultureInvariant);

    private static string GlobText(string glob) => Regex.Escape(glob).Replace(@"\*", @"[^.\[\]]*", StringComparison.Ordinal);
}
