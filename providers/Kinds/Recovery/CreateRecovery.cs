
namespace BirdInfra.Providers.Kinds.Recovery;

/// <summary>
/// The one rule for a create whose outcome is unknown (its answer was lost, or the run was killed or cancelled
/// after sending it). Bird has no idempotency key, so the kind's live objects with the create's natural key decide,
/// leaving out those the caller already owns (the stack's other resources, the old half of a replacement):
/// <list type="bullet">
/// <item>none: <see cref="NotFound"/>, the create made nothing and may be sent again;</item>
/// <item>exactly one: it is the create's object. <see cref="Adopt"/> it, unless the kind has a secret only the
/// create answer carries (<see cref="HasCreateOnlySecret"/>, an access key's token): then
/// <see cref="DeleteAndRecreate"/>, since an adopted copy would be a live object whose secret nobody has;</item>
/// <item>several: <see cref="Ambiguous"/>. None is adopted or deleted, because the wrong one would be someone else's
/// object; the caller stops and names them.</item>
/// </list>
/// The built-in engine's refresh (creates an interrupted run journaled), <see cref="ExactlyOnceCreate"/> (a lost
/// answer) and the Pulumi plugin's Create (a create cancelled or left unsettled) all decide here, and
/// <see cref="CreateRecoveryExecutor"/> carries the decision out for each of them; <c>import</c> matches by
/// <see cref="DecideImport"/>. docs/reliability.md states the same rule for users.
/// </summary>
public static class CreateRecovery
{
    /// <summary>True for kinds with a secret output that only the create answer carries: such an object cannot be adopted.</summary>
    public static bool HasCreateOnlySecret(IResourceKind kind) =>
        kind.Schema.Outputs.Any(o => o.Secret && kind.Schema.Inputs.All(i => i.Name != o.Name));

    /// <param name="live">Every live object of the kind (its <see cref="IResourceKind.ListAsync"/>).</param>
    /// <param name="ownedIds">Ids the caller already owns; they are never candidates.</param>
    /// <param name="inputs">The create's inputs when the caller knows them: an adopted object keeps what Bird does not echo from them.</param>
    public static RecoveryDecision Decide(IResourceKind kind, IEnumerable<ResourceSnapshot> live, string naturalKey, IReadOnlySet<string> ownedIds, PropertyMap? inputs = null)
    {
        var matches = Matches(kind, live, naturalKey, ownedIds);
        return matches.Length switch
        {
            0 => new NotFound(),
            > 1 => new Ambiguous(kind.Name, naturalKey, matches),
            _ when HasCreateOnlySecret(kind) => new DeleteAndRecreate(matches[0]),
            _ => new Adopt(inputs is null ? matches[0] : kind.MergeLive(new ResourceSnapshot(matches[0].Id, inputs, inputs), matches[0])),
        };
    }

    /// <summary>
    /// <c>import</c>'s rule: a declared object Bird already holds is found by the same candidates, but no create was sent,
    /// so nothing was lost and one match is adopted whatever its kind (an imported access key's token is unknown, as
    /// <c>import</c> says). What Bird echoes is kept as Bird has it (a differing description shows as an update); what a
    /// read may lack (a connector's arguments) is filled from the declaration; a secret Bird never returns (a connector's
    /// Meta token, a signing key) is recorded as unknown, which no diff counts as a change. A natural key that still
    /// holds an unknown (its channel's connector is not in Bird) matches nothing.
    /// </summary>
    public static RecoveryDecision DecideImport(IResourceKind kind, IEnumerable<ResourceSnapshot> live, string naturalKey, IReadOnlySet<string> ownedIds, PropertyMap declared)
    {
        if (declared.Values.Any(v => v.ContainsUnknown && !v.ContainsSecret))
        {
            return new NotFound();
        }

        var matches = Matches(kind, live, naturalKey, ownedIds);
        return matches.Length switch
        {
            0 => new NotFound(),
            > 1 => new Ambiguous(kind.Name, naturalKey, matches),
            _ => new Adopt(AsDeclaredElsewhere(kind, declared, matches[0])),
        };
    }

    /// <summary>The live object merged with a declaration whose secrets Bird may hold with other values: those are unknown.</summary>
    private static ResourceSnapshot AsDeclaredElsewhere(IResourceKind kind, PropertyMap declared, ResourceSnapshot live)
    {
        var secrets = declared.Where(kv => kv.Value.ContainsSecret).Select(kv => kv.Key).ToList();
        var known = secrets.Aggregate(declared, (map, key) => map.Without(key));
        var merged = kind.MergeLive(new ResourceSnapshot(live.Id, known, known), live);
        return secrets.Where(k => live.Inputs[k] is null)
            .Aggregate(merged, (snapshot, key) => snapshot with { Inputs = snapshot.Inputs.With(key, PropertyValue.Unknown) });
    }

    /// <summary>The live objects with the natural key that nobody owns yet, by id: the candidates for adoption (recovery and <c>import</c>).</summary>
    public static ImmutableArray<ResourceSnapshot> Matches(IResourceKind kind, IEnumerable<ResourceSnapshot> live, string naturalKey, IReadOnlySet<string> ownedIds) =>
        [.. live.Where(l => !ownedIds.Contains(l.Id) && kind.NaturalKey(l.Inputs) == naturalKey).OrderBy(l => l.Id, StringComparer.Ordinal)];

    /// <summary>Lists the kind's live objects and decides; a failed listing propagates, for the caller to word.</summary>
    public static async Task<RecoveryDecision> LookUpAsync(
        IResourceKind kind,
        ProviderContext context,
        string naturalKey,
        IReadOnlySet<string> ownedIds,
        PropertyMap? inputs,
        CancellationToken cancellationToken)
    {
        var live = await kind.ListAsync(context, cancellationToken).ConfigureAwait(false);
        return Decide(kind, live, naturalKey, ownedIds, inputs);
    }
}
