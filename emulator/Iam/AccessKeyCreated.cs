namespace BirdInfra.Emulator.Iam;

/// <summary>The create response: the only place the token is ever shown.</summary>
public sealed record AccessKeyCreated(AccessKeyView AccessKey, string Token);
