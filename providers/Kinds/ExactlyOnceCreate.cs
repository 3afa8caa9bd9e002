using BirdInfra.Providers.Client;
using BirdInfra.Providers.Kinds.Recovery;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Providers.Kinds;

/// <summary>
/// Creates an object at most once although Bird has no idempotency key: when a create's answer is lost (5xx,
/// timeout, dropped connection), <see cref="CreateRecovery"/> looks the object up by its natural key and decides:
/// adopt it, delete it and make it again (a kind whose secret only the create answer carries), or stop (several
/// candidates). It is created again only when the lookup shows it surely absent, and not once the run is being
/// cancelled (<see cref="ProviderContext.StopWaiting"/>: <see cref="OperationCanceledException"/> on that token). The
/// built-in engine and the Pulumi plugin both use it.
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
                switch (await LookUpAsync(kind, context, naturalKey, ownedIds, inputs, lost, cancellationToken).ConfigureAwait(false))
                {
                    case Adopt adopt:
                        return await OutputWait.WaitAsync(kind, context, adopt.Snapshot, cancellationToken).ConfigureAwait(false);
                    case DeleteAndRecreate redo:
                        context.Progress?.Report($"Create {resource}: deleting the {kind.Name} Bird made without handing over its secret, to make it again");
                        await ClearAsync(kind, context, redo.Snapshot, lost, cancellationToken).ConfigureAwait(false);
                        break;
                    case Ambiguous ambiguous:
                        throw new CreateOutcomeUnknownException($"{lost.Message} {ambiguous.Problem}", lost) { Ambiguity = ambiguous };
                }

                if (attempt >= MaxCreates)
                {
                    throw new CreateOutcomeUnknownException($"{lost.Message} (gave up after {MaxCreates} creates whose answers were lost)", lost);
                }
            }
        }
    }

    private static async Task<RecoveryDecision> LookUpAsync(IResourceKind kind, ProviderContext context, string naturalKey, IReadOnlySet<string> ownedIds, PropertyMap inputs, BirdApiException lost, CancellationToken cancellationToken)
    {
        try
        {
            return await CreateRecovery.LookUpAsync(kind, context, naturalKey, ownedIds, inputs, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BirdApiException or InvalidOperationException)
        {
            throw new CreateOutcomeUnknownException($"{lost.Message} Looking it up failed too: {e.Message}", lost);
        }
    }

    private static async Task ClearAsync(IResourceKind kind, ProviderContext context, ResourceSnapshot found, BirdApiException lost, CancellationToken cancellationToken)
    {
        try
        {
            await kind.DeleteAsync(context, found, cancellationToken).ConfigureAwait(false);
        }
        catch (BirdApiException e)
        {
            throw new CreateOutcomeUnknownException($"{lost.Message} Deleting the {kind.Name} {found.Id} whose secret was lost failed too: {e.Message}", lost);
        }
    }
}
