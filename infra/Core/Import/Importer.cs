using System.Collections.Immutable;
using BirdInfra.Graph;
using BirdInfra.Planning;
using BirdInfra.Providers.Graph;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Kinds.Recovery;
using BirdInfra.Providers.Properties;
using BirdInfra.State;

namespace BirdInfra.Import;

/// <summary>
/// <c>birdinfra import</c>: for every declaration state does not own, the Bird object with the kind's natural key
/// (the key recovery uses), found in one listing per kind. Reads only; <see cref="Record"/> writes the adoptions into
/// state. Declarations are taken in dependency order, so a reference to an object adopted here (a role's policy, a
/// subscription's channel) resolves to its id and the natural key that depends on it can match.
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

            // A key that still holds an unknown (its channel's connector is not in Bird) matches nothing.
            var matches = check.Inputs.Values.Any(v => v.ContainsUnknown && !v.ContainsSecret)
                ? []
                : CreateRecovery.Matches(kind, live, naturalKey, owned);
            var ids = matches.Select(m => m.Id).ToImmutableArray();
            if (matches.Length != 1)
            {
                entries.Add(new ImportEntry(declaration.Address, naturalKey, matches.IsEmpty ? ImportMatch.NotFound : ImportMatch.Ambiguous, ids, null));
                continue;
            }

            var snapshot = Adopt(kind, check.Inputs, matches[0]);
            var resource = new StateResource(declaration.Address, snapshot.Id, snapshot.Inputs, snapshot.Outputs, declaration.Dependencies);
            adopted[declaration.Address] = resource;
            owned.Add(resource.Id);
            entries.Add(new ImportEntry(declaration.Address, naturalKey, ImportMatch.Adopt, ids, resource));
        }

        return new ImportPlan(entries.ToImmutable());
    }

    /// <summary>State with every adopted object recorded as owned.</summary>
    public static StackState Record(StackState state, ImportPlan plan) =>
        plan.Adopted.Aggregate(state, (current, entry) => current.WithResource(entry.Adopted!));

    /// <summary>
    /// The live object as state records it. What Bird echoes is kept as Bird has it (a differing description shows as an
    /// update); what a read may lack (a connector's arguments) is filled from the declaration; a secret Bird never
    /// returns (a connector's Meta token, a signing key) is recorded as unknown, which no diff counts as a change.
    /// </summary>
    private static ResourceSnapshot Adopt(IResourceKind kind, PropertyMap declared, ResourceSnapshot live)
    {
        var secrets = declared.Where(kv => kv.Value.ContainsSecret).Select(kv => kv.Key).ToList();
        var known = declared;
        foreach (var key in secrets)
        {
            known = known.Without(key);
        }

        var merged = kind.MergeLive(new ResourceSnapshot(live.Id, known, known), live);
        foreach (var key in secrets.Where(k => live.Inputs[k] is null))
        {
            merged = merged with { Inputs = merged.Inputs.With(key, PropertyValue.Unknown) };
        }

        return merged;
    }
}
