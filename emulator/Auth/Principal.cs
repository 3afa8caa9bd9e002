namespace BirdInfra.Emulator.Auth;

/// <summary>Who made a request: the bootstrap admin or an access key.</summary>
public sealed record Principal(bool IsAdmin, string? AccessKeyId);
