namespace BirdInfra.PulumiProgram;

/// <summary>Type tokens and plugin versions the program registers with.</summary>
public static class PulumiTokens
{
    public const string Stack = "pulumi:pulumi:Stack";

    /// <summary>Pulumi.Random's password: generated signing keys and tokens in Pulumi mode.</summary>
    public const string RandomPassword = "random:index/randomPassword:RandomPassword";

    /// <summary>The pulumi-random plugin version sent with each password (override: config <c>birdinfra:randomVersion</c>).</summary>
    public const string DefaultRandomVersion = "4.21.1";

    /// <summary>The secret outputs Pulumi.Random's SDK marks on a password.</summary>
    public static readonly string[] RandomPasswordSecretOutputs = ["bcryptHash", "result"];

    /// <summary>This build's version, the bird plugin version sent with each Bird resource (strict semver, no 'v').</summary>
    public static string BirdVersion()
    {
        var assembly = typeof(Providers.Kinds.BirdKinds).Assembly;
        var informational = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "0.1.0";
    }
}
