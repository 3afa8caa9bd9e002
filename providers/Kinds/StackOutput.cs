namespace BirdInfra.Providers.Kinds;

/// <summary>A stack output: for every declaration of a kind, its logical name → one of its outputs (e.g. <c>channelIds</c> → <c>channelId</c>).</summary>
public sealed record StackOutput(string Name, string Property, bool Secret);
