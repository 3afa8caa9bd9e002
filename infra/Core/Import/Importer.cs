using BirdInfra.Providers.Kinds.Recovery;

namespace BirdInfra.Import;

/// <summary>
/// <c>birdinfra import</c>: for every declaration state does not own, the Bird object with the kind's natural key
/// (the key recovery uses), found in one listing per kind and matched by <see cref="CreateRecovery.DecideImport"/>
/// through <see cref="CreateRecoveryExecutor.Import"/>, which can only record. Reads only; <see cref="Record"/> writes
/// the adoptions into state. Declarations are taken in dependency order, so a reference to an object adopted here (a
/// role's policy, a subscription's channel) resolves to its id and the natural key that depends on it can match.
/// </summary>
public static class Importer
{
    /// <param name="listed">Listings already read (by kind name), so a caller that read Bird lists nothing twice.</param>
    public static async Task<ImportPlan> PlanAsync(DesiredGraph graph, StackState state, KindRegistry registry, ProviderContext context, CancellationToken cancellationToken, IReadOnlyDictionary<string, IReadOnlyList<ResourceSnapshot>>? listed = null)
    {
        var listings = new Dictionary<string, IReadOnlyList<ResourceSnapshot>>(listed ?? new Dictionary<string, IReadOnlyList<ResourceSnapshot>>(), StringComparer.Ordinal);
        var owned = state.Resources.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var adopted = new Dictionary<ResourceAddress, StateResource>();
        var entries = ImmutableArray.CreateBuilder<ImportEntry>();
        PropertyValue ReadOutput(OutputReference reference) =>
            (adopted.GetValueOrDefault(reference.Target) ?? state.Find(reference.Target))?.Outputs[reference.Output] ?? InputResolver.Unknown(reference);

        foreach (var declaration in DependencyOrder.Sort(graph.Resources, d => d.Address, d => d.Dependencies))
        {
            if (state.Find(declaration.Address) is not null)
            {
                continue;
            }

            var kind = registry.GetByName(declaration.Address.Kind);
            var check = kind.Check(InputResolver.Resolve(declaration.Inputs, ReadOutput, existing: null));
            var naturalKey = kind.NaturalKey(check.Inputs);
            if (!listings.TryGetValue(kind.Name, out var live))
            {
                live = await kind.ListAsync(context, cancellationToken);
                listings[kind.Name] = live;
            }

            // Import's matching is recovery's (the same candidates); an adoption is recorded at once, so a later
            // declaration's reference to it resolves and its object is no candidate for another declaration.
            var decision = CreateRecoveryExecutor.Import(kind, live, naturalKey, owned, check.Inputs, found =>
            {
                adopted[declaration.Address] = new StateResource(declaration.Address, found.Id, found.Inputs, found.Outputs, declaration.Dependencies);
                owned.Add(found.Id);
            });
            entries.Add(decision switch
            {
                Adopt adopt => new ImportEntry(declaration.Address, naturalKey, ImportMatch.Adopt, [adopt.Snapshot.Id], adopted[declaration.Address]),
                Ambiguous ambiguous => new ImportEntry(declaration.Address, naturalKey, ImportMatch.Ambiguous, [.. ambiguous.Matches.Select(m => m.Id)], null),
                _ => new ImportEntry(declaration.Address, naturalKey, ImportMatch.NotFound, [], null),
            });
        }

        return new ImportPlan(entries.ToImmutable());
    }

    /// <summary>State with every adopted object recorded as owned.</summary>
    public static StackState Record(StackState state, ImportPlan plan) =>
        plan.Adopted.Aggregate(state, (current, entry) => current.WithResource(entry.Adopted!));
}
