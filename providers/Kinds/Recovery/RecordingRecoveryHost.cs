namespace BirdInfra.Providers.Kinds.Recovery;

/// <summary>
/// What a caller that must not change Bird lets <see cref="CreateRecoveryExecutor"/> do with a decision: write it into
/// the caller's own state. Refresh (under <c>preview</c>, <c>drift</c>, <c>up</c> and <c>destroy</c> before they apply)
/// settles an interrupted run's creates through it. It holds no client and no delete, and the executor's entry point
/// that takes it takes no <see cref="ProviderContext"/>, so recovery run through it cannot send anything to Bird.
/// </summary>
/// <param name="Record">Records the found object as the create's own (adopted).</param>
/// <param name="DeleteLater">
/// Records the found object for the next apply to delete (a deposed entry, like a replacement's old half): an object
/// whose create-only secret nobody has (an access key's token), made again in its place.
/// </param>
public sealed record RecordingRecoveryHost(Action<ResourceSnapshot> Record, Action<ResourceSnapshot> DeleteLater);
