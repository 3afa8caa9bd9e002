using System.Reflection;

namespace BirdInfra.Providers.PulumiWire;

/// <summary>
/// The version of the <c>bird</c> package (strict semver, no 'v'): what the plugin reports in GetPluginInfo and what
/// the Pulumi program sends with each registration. Every assembly shares it (Directory.Build.props).
/// </summary>
public static class PackageVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var assembly = typeof(PackageVersion).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "0.1.0";
    }
}
