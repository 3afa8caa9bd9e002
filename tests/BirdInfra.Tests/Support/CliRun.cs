namespace BirdInfra.Tests.Support;

/// <summary>What one in-process `birdinfra` invocation printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;
}
