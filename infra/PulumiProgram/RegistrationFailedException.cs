namespace BirdInfra.PulumiProgram;

/// <summary>A registration the engine refused or failed; <see cref="Urn"/> is the resource its logged error attaches to.</summary>
public sealed class RegistrationFailedException(string what, string urn, string reason, Exception? inner = null)
    : Exception($"{what}: {reason}", inner)
{
    public string What { get; } = what;

    public string Urn { get; } = urn;

    public string Reason { get; } = reason;
}
