namespace BirdInfra.Providers.StackFiles.Writing;

/// <summary>
/// A string; <see cref="YamlWriter"/> quotes it whenever YAML would read it as anything else. <paramref name="Plain"/>
/// writes it unquoted as given: for a boolean or a number that must stay one (<c>protect: true</c>, <c>length: 32</c>).
/// </summary>
public sealed record YamlScalar(string Text, bool Plain = false) : YamlOut;
