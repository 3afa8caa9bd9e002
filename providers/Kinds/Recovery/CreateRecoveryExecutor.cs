
namespace BirdInfra.Providers.Kinds.Recovery;

/// <summary>
/// Carries out what <see cref="CreateRecovery"/> decides, for every caller: refresh (an interrupted run's pending
/// creates), <see cref="ExactlyOnceCreate"/> (a lost answer, in the built-in engine and the Pulumi plugin), the plugin's
/// Create when it was cancelled or could not be settled, and <c>import</c>'s matching. Callers give small host callbacks
/// and read the decision back to word their own outcome:
/// <list type="bullet">
/// <item><see cref="Settle"/> and <see cref="Import"/> take a listing already read and a host that can only record
/// (<see cref="RecordingRecoveryHost"/>, a record callback): no client, no delete, so they cannot change Bird;</item>
/// <item><see cref="SettleNowAsync"/> looks the object up and may delete it at once through a
/// <see cref="ChangingRecoveryHost"/>; the failures it meets (the lookup, the delete, several candidates) are worded
/// here, once.</item>
/// </list>
/// </summary>
public static class CreateRecoveryExecutor
{
    /// <summary>
    /// Settles a create an interrupted run journaled, from the kind's listing: <see cref="Adopt"/> is recorded,
    /// <see cref="DeleteAndRecreate"/> is recorded for a later delete, <see cref="NotFound"/> and
    /// <see cref="Ambiguous"/> record nothing (the caller creates again, or stops naming the candidates).
    /// </summary>
    public static RecoveryDecision Settle(IResourceKind kind, IEnumerable<ResourceSnapshot> live, string naturalKey, IReadOnlySet<string> ownedIds, RecordingRecoveryHost host)
    {
        var decision = CreateRecovery.Decide(kind, live, naturalKey, ownedIds);
        switch (decision)
        {
            case Adopt adopt:
                host.Record(adopt.Snapshot);
                break;
            case DeleteAndRecreate redo:
                host.DeleteLater(redo.Snapshot);
                break;
        }

        return decision;
    }

    /// <summary>
    /// <c>import</c>: the object a declaration names, found in the kind's listing by <see cref="CreateRecovery.DecideImport"/>;
    /// an <see cref="Adopt"/> is recorded, nothing else is. Reads nothing and sends nothing.
    /// </summary>
    /// <param name="record">Records the adopted object (the caller's plan, and its owned ids).</param>
    public static RecoveryDecision Import(IResourceKind kind, IEnumerable<ResourceSnapshot> live, string naturalKey, IReadOnlySet<string> ownedIds, PropertyMap declared, Action<ResourceSnapshot> record)
    {
        var decision = CreateRecovery.DecideImport(kind, live, naturalKey, ownedIds, declared);
        if (decision is Adopt adopt)
        {
            record(adopt.Snapshot);
        }

        return decision;
    }

    /// <summary>
    /// Looks up the object of a create whose outcome is unknown and carries the decision out now: an object whose
    /// create-only secret was lost is deleted through <paramref name="host"/>. Returns <see cref="Adopt"/> (the
    /// caller takes it over), <see cref="DeleteAndRecreate"/> (deleted: the caller may create again) or
    /// <see cref="NotFound"/> (the caller may create again). Throws <see cref="CreateOutcomeUnknownException"/> when
    /// several objects match (none is touched), when the lookup fails, or when the delete fails; each message starts with
    /// <paramref name="interrupted"/>. A cancellation of <paramref name="cancellationToken"/> propagates.
    /// </summary>
    /// <param name="interrupted">What happened to the create, as the caller words it (the lost answer's message).</param>
    /// <param name="cause">The failure that made the outcome unknown; the inner exception of what is thrown.</param>
    public static async Task<RecoveryDecision> SettleNowAsync(
        IResourceKind kind,
        ProviderContext context,
        string naturalKey,
        IReadOnlySet<string> ownedIds,
        PropertyMap inputs,
        string interrupted,
        Exception cause,
        ChangingRecoveryHost host,
        CancellationToken cancellationToken)
    {
        RecoveryDecision decision;
        try
        {
            decision = await CreateRecovery.LookUpAsync(kind, context, naturalKey, ownedIds, inputs, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BirdApiException or InvalidOperationException)
        {
            throw new CreateOutcomeUnknownException($"{interrupted} Looking it up failed too: {e.Message}", cause);
        }

        switch (decision)
        {
            case Ambiguous ambiguous:
                throw new CreateOutcomeUnknownException($"{interrupted} {ambiguous.Problem}", cause) { Ambiguity = ambiguous };
            case DeleteAndRecreate redo:
                try
                {
                    await host.DeleteNow(redo.Snapshot, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is BirdApiException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // The host's own deadline ran out, or Bird refused: the tokenless object is still there, and says so.
                    throw new CreateOutcomeUnknownException(
                        $"{interrupted} Bird holds {kind.Name} {redo.Snapshot.Id}, whose secret was lost, and deleting it failed ({e.Message}): delete it before running again.",
                        cause);
                }

                break;
        }

        return decision;
    }
}
