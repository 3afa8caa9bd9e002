namespace BirdInfra.PulumiPlugin.Serving;

/// <summary>One resource's progress lines, sent to the engine through <see cref="EngineLog"/> in the order reported.</summary>
public sealed class ResourceProgress(EngineLog log, string urn) : IProgress<string>
{
    public void Report(string value) => log.Info(urn, value);
}
