namespace BirdInfra.Providers.StackFiles.Writing;

/// <summary>One key of a mapping, with an optional comment written at the end of its line.</summary>
public sealed record YamlField(string Key, YamlOut Value, string? Comment = null)
{
    public YamlField(string key, string text, string? comment = null)
        : this(key, new YamlScalar(text), comment)
    {
    }
}
