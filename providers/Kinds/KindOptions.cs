namespace BirdInfra.Providers.Kinds;

/// <summary>
/// What a stack's target lets the kinds accept beyond Bird's own rules. It comes from the target definition, never from
/// how the registry was built: hosts compose one registry and take <see cref="KindRegistry.For"/> the target's options.
/// </summary>
/// <param name="AllowHttpLoopbackWebhooks">Webhook URLs may be http://127.0.0.1:PORT or http://localhost:PORT (emulator targets only).</param>
public sealed record KindOptions(bool AllowHttpLoopbackWebhooks = false)
{
    /// <summary>Bird's rules only (every real target).</summary>
    public static KindOptions Strict { get; } = new();
}
