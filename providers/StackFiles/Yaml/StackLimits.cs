namespace BirdInfra.Providers.StackFiles.Yaml;

/// <summary>Bounds that keep reading a hostile stack file cheap in time and memory.</summary>
internal static class StackLimits
{
    public const int MaxFileBytes = 1024 * 1024;
    public const int MaxDepth = 64;
    public const int MaxAliasExpandedNodes = 10_000;
    public const int MaxStringLength = 4096;
    public const int MaxDiagnostics = 500;
}
