namespace BirdInfra.PulumiPlugin.Provider;

/// <summary>One provider configuration key: <c>bird:&lt;Name&gt;</c> in Pulumi config, <see cref="EnvironmentVariable"/> as fallback.</summary>
public sealed record ConfigKey(string Name, string Type, string Description, string EnvironmentVariable, bool Required, bool Secret = false, string? Default = null)
{
    public string PulumiKey => "bird:" + Name;
}
