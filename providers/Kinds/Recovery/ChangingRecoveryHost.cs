namespace BirdInfra.Providers.Kinds.Recovery;

/// <summary>
/// What a caller that is changing Bird anyway (a create whose answer was lost, the Pulumi plugin's Create) lets
/// <see cref="CreateRecoveryExecutor"/> do: delete, during the call, the object whose create-only secret was lost, so
/// the create can be sent again. Read-only callers have no such host (<see cref="RecordingRecoveryHost"/>).
/// </summary>
/// <param name="DeleteNow">Deletes the found object in Bird (the kind's delete, under the caller's own deadline).</param>
public sealed record ChangingRecoveryHost(Func<ResourceSnapshot, CancellationToken, Task> DeleteNow);
