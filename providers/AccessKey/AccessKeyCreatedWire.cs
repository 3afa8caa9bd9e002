namespace BirdInfra.Providers.AccessKey;

/// <summary>The create response, the only place Bird shows the token.</summary>
internal sealed record AccessKeyCreatedWire(AccessKeyWire AccessKey, string? Token);
