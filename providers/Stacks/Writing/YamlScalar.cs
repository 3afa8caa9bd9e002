namespace BirdInfra.Providers.Stacks.Writing;

/// <summary>A string; <see cref="YamlWriter"/> quotes it whenever YAML would read it as anything else.</summary>
public sealed record YamlScalar(string Text) : YamlOut;
