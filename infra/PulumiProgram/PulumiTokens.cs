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
}
