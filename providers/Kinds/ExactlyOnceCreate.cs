using BirdInfra.Providers.Client;
using BirdInfra.Providers.Properties;

namespace BirdInfra.Providers.Kinds;

/// <summary>
/// Creates an object at most once although Bird has no idempotency key: when a create's answer is lost
/// (5xx, timeout, dropped connection), the object is looked up by its natural key and adopted, or, for a
/// kind whose secret Bird shows only in the create answer (an access key's token), deleted and made again.
/// It is created again only when the lookup shows it surely absent. The built-in engine and the Pulumi plugin both use it.
/// </summary>
public static class ExactlyOnceCreate
{
    /// <summary>Create calls per object before giving up (each call is itself retried by the client as far as safe).</summary>
    public const int MaxCreates = 3;

    /// <summary>True for kinds with a secret output that only the create answer carries: such an object cannot be adopted.</summary>
    public static bool HasCreateOnlySecret(IResourceKind kind) =>
        kind.Schema.Outputs.Any(o => o.Secret && kind.Schema.Inputs.All(i => i.Name != o.Name));

    /// <param name="mayAdopt">Which live objects are candidates (the engine leaves out those its state already owns).</param>
    public static async Task<ResourceSnapshot> RunAsync(
        IResourceKind kind,
        ProviderContext context,
        PropertyMap inputs,
        string naturalKey,
        Func<ResourceSnapshot, bool> mayAdopt,
        string resource,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await kind.CreateAsync(context, inputs, cancellationToken).ConfigureAwait(false);
            }
            catch (BirdApiException lost) when (lost.OutcomeUnknown)
            {
                context.Progress?.Report($"Create {resource}: Bird's answer was lost; looking the object up by its natural key");
                var found = await FindAsync(kind, context, naturalKey, mayAdopt, lost, cancellationToken).ConfigureAwait(false);
                if (found is not null && !HasCreateOnlySecret(kind))
                {
                    return await WaitForOutputsAsync(kind, context, kind.MergeLive(new ResourceSnapshot(found.Id, inputs, inputs), found), cancellationToken).ConfigureAwait(false);
                }

                if (found is not null)
                {
                    context.Progress?.Report($"Create {resource}: deleting the {kind.Name} Bird made without handing over its secret, to make it again");
                    await ClearAsync(kind, context, found, lost, cancellationToken).ConfigureAwait(false);
                }

                if (attempt >= MaxCreates)
                {
                    throw new CreateOutcomeUnknownException($"{lost.Message} (gave up after {MaxCreates} creates whose answers were lost)", lost);
                }
            }
        }
    }

    /// <summary>An object may still lack outputs Bird fills in later (a connector's channel): read it until they are there.</summary>
    public static async Task<ResourceSnapshot> WaitForOutputsAsync(IResourceKind kind, ProviderContext context, ResourceSnapshot snapshot, CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        var interval = context.ChannelPollInterval;
        while (LacksLaterOutputs(kind, snapshot) && context.Time.GetElapsedTime(started) < context.ChannelTimeout)
        {
            await Task.Delay(interval, context.Time, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromMilliseconds(Math.Min(interval.TotalMilliseconds * 2, 5000));
            snapshot = await kind.ReadAsync(context, snapshot, cancellationToken).ConfigureAwait(false) ?? snapshot;
        }

        return snapshot;
    }

    private static bool LacksLaterOutputs(IResourceKind kind, ResourceSnapshot snapshot) =>
        kind.Schema.Outputs.Any(o => !o.Secret && kind.Schema.Inputs.All(i => i.Name != o.Name) && snapshot.Outputs[o.Name] is null or { IsNull: true });

    private static async Task<ResourceSnapshot?> FindAsync(IResourceKind kind, ProviderContext context, string naturalKey, Func<ResourceSnapshot, bool> mayAdopt, BirdApiException lost, CancellationToken cancellationToken)
    {
        IReadOnlyList<ResourceSnapshot> live;
        try
        {
            live = await kind.ListAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BirdApiException or InvalidOperationException)
        {
            throw new CreateOutcomeUnknownException($"{lost.Message} Looking it up failed too: {e.Message}", lost);
        }

        var matches = live.Where(l => mayAdopt(l) && kind.NaturalKey(l.Inputs) == naturalKey).ToList();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],

            // Adopting the wrong one would let a later delete remove someone else's object.
            _ => throw new CreateOutcomeUnknownException($"{lost.Message} Bird holds {matches.Count} {kind.Name} objects with the same natural key ({naturalKey}) that this stack does not own; remove the stray ones and run again.", lost),
        };
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
