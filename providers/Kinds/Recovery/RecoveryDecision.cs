namespace BirdInfra.Providers.Kinds.Recovery;

/// <summary>
/// What <see cref="CreateRecovery"/> decided for a create whose outcome is unknown: <see cref="NotFound"/>,
/// <see cref="Adopt"/>, <see cref="DeleteAndRecreate"/> or <see cref="Ambiguous"/>.
/// </summary>
public abstract record RecoveryDecision
{
    // Closed: callers switch over the four decisions, so no other assembly may add one.
    private protected RecoveryDecision()
    {
    }
}
