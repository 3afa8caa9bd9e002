namespace BirdInfra.Emulator.Webhooks;

/// <summary>One <c>{key, value}</c> event filter of a subscription.</summary>
public sealed record EventFilter(string Key, string Value);
