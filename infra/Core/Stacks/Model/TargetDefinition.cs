
namespace BirdInfra.Stacks.Model;

/// <summary>
/// Where the stack is applied. With <see cref="UsesEmulator"/> the embedded emulator supplies the
/// endpoint, ids and access key, so <see cref="Endpoint"/>, <see cref="OrganizationId"/>,
/// <see cref="WorkspaceId"/> and <see cref="AccessKey"/> are null; otherwise all four are set.
/// </summary>
/// <param name="AllowHttpWebhooks">Emulator only: webhook URLs may be http://127.0.0.1:PORT or http://localhost:PORT.</param>
public sealed record TargetDefinition(
    bool UsesEmulator,
    string? Endpoint,
    ValueSource? OrganizationId,
    ValueSource? WorkspaceId,
    SecretSource? AccessKey,
    bool AllowHttpWebhooks)
{
    /// <summary>What this target lets the kinds accept (http loopback webhooks on the emulator when allowed).</summary>
    public KindOptions KindOptions => new(AllowHttpLoopbackWebhooks: UsesEmulator && AllowHttpWebhooks);

    /// <summary>Where the target points, in words: the embedded emulator, or its endpoint (api.bird.com when none is written).</summary>
    public string Where => UsesEmulator ? "the embedded emulator" : Endpoint ?? "api.bird.com";
}
