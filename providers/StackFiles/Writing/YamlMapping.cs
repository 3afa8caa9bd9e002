
namespace BirdInfra.Providers.StackFiles.Writing;

/// <summary>A mapping in the order written, in flow style (<c>{ env: NAME }</c>) or one key per line.</summary>
public sealed record YamlMapping(ImmutableArray<YamlField> Fields, bool Flow = false) : YamlOut
{
    public static YamlMapping Of(params YamlField[] fields) => new([.. fields]);

    /// <summary>A secret read from the environment at run time, e.g. <c>{ env: WHATSAPP_ACCESS_TOKEN }</c>.</summary>
    public static YamlMapping Env(string variable) => new([new YamlField("env", new YamlScalar(variable))], Flow: true);
}
