using BirdInfra.Providers.Kinds.Recovery;

namespace BirdInfra.Providers.Kinds;

/// <summary>
/// Creates an object at most once although Bird has no idempotency key: when a create's answer is lost (5xx,
/// timeout, dropped connection), the object is looked up by its natural key and <see cref="CreateRecovery"/>'s decision
/// is carried out (<see cref="CreateRecoveryExecutor.SettleNowAsync"/>): adopt it, delete it and make it again (a kind
/// whose secret only the create answer carries), or stop (several candidates, or the lookup or the delete failed). It
/// is created again only when the lookup shows it surely absent, and not once the run is being cancelled
/// (<see cref="ProviderContext.StopWaiting"/>: <see cref="OperationCanceledException"/> on that token). The built-in
/// engine and the Pulumi plugin both use it.
/// </summary>
public static class ExactlyOnceCreate
{
    /// <summary>Create calls per object before giving up (each call is itself retried by the client as far as safe).</summary>
    public const int MaxCreates = 3;

    /// <param name="ownedIds">Live objects that are never candidates (the engine passes those its state owns; the plugin knows none).</param>
    public static async Task<ResourceSnapshot> RunAsync(
        IResourceKind kind,
        ProviderContext context,
        PropertyMap inputs,
        string naturalKey,
        IReadOnlySet<string> ownedIds,
        string resource,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                // A create sent again is new work; the lost one provably left nothing behind, so stopping here is clean.
                context.StopWaiting.ThrowIfCancellationRequested();
            }

            try
            {
                return await kind.CreateAsync(context, inputs, cancellationToken).ConfigureAwait(false);
            }
            catch (BirdApiException lost) when (lost.OutcomeUnknown)
            {
                context.Progress?.Report($"Create {resource}: Bird's answer was lost; looking the object up by its natural key");
                var host = new ChangingRecoveryHost(async (found, token) =>
                {
                    context.Progress?.Report($"Create {resource}: deleting the {kind.Name} Bird made without handing over its secret, to make it again");
                    await kind.DeleteAsync(context, found, token).ConfigureAwait(false);
                });

                // Not adopted: nothing was made, or what was made is deleted again; either way the create may be sent again.
                if (await CreateRecoveryExecutor.SettleNowAsync(kind, context, naturalKey, ownedIds, inputs, lost.Message, lost, host, cancellationToken).ConfigureAwait(false) is Adopt adopt)
                {
                    return await OutputWait.WaitAsync(kind, context, adopt.Snapshot, cancellationToken).ConfigureAwait(false);
                }

                if (attempt >= MaxCreates)
                {
                    throw new CreateOutcomeUnknownException($"{lost.Message} (gave up after {MaxCreates} creates whose answers were lost)", lost);
                }
            }
        }
    }
}
