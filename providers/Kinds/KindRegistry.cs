using System.Collections.Immutable;

namespace BirdInfra.Providers.Kinds;

/// <summary>Finds kinds by name or type token; hosts dispatch through it, never through a switch.</summary>
public sealed class KindRegistry
{
    private readonly ImmutableDictionary<string, IResourceKind> _byToken;
    private readonly ImmutableDictionary<string, IResourceKind> _byName;

    public KindRegistry(IEnumerable<IResourceKind> kinds)
    {
        All = kinds.ToImmutableArray();
        _byToken = All.ToImmutableDictionary(k => k.TypeToken, StringComparer.Ordinal);
        _byName = All.ToImmutableDictionary(k => k.Name, StringComparer.Ordinal);
    }

    public ImmutableArray<IResourceKind> All { get; }

    public IResourceKind? FindByToken(string typeToken) => _byToken.GetValueOrDefault(typeToken);

    public IResourceKind? FindByName(string name) => _byName.GetValueOrDefault(name);

    public IResourceKind GetByName(string name) =>
        FindByName(name) ?? throw new KeyNotFoundException($"No resource kind named '{name}'.");
}
