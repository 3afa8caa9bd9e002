
namespace BirdInfra.Stacks.Model;

/// <summary>
/// One item of <c>accessKeys.&lt;key&gt;.expect</c>: the key must be allowed (or denied) <see cref="Method"/> on
/// <see cref="Path"/> for every id its <c>*</c> segments stand for. Steers BirdInfra only: never sent to Bird, never an input.
/// </summary>
public sealed record AccessExpectation(string Key, bool Allow, string Method, string Path, SourceLocation Location, string YamlPath)
{
    public string Request => $"{Method} {Path}";
}
