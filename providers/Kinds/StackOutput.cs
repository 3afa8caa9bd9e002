namespace BirdInfra.Providers.Kinds;

/// <summary>A stack output: for every declaration of a kind, its logical name → one of its outputs (e.g. <c>channelIds</c> → <c>channelId</c>).</summary>
/// <param name="WhenAbsent">Why a resource in state can lack the output, as <c>birdinfra output</c> says it: <c>(unknown: …)</c>.</param>
public sealed record StackOutput(string Name, string Property, bool Secret, string WhenAbsent = "not in state")
{
    /// <summary>What <c>birdinfra output</c> prints for a resource whose state lacks the output.</summary>
    public string AbsentText => $"(unknown: {WhenAbsent})";
}
