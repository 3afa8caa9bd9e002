
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

    /// <summary>The same kinds as a target with <paramref name="options"/> uses them (see <see cref="IResourceKind.WithOptions"/>).</summary>
    public KindRegistry For(KindOptions options)
    {
        var kinds = All.Select(k => k.WithOptions(options)).ToImmutableArray();
        return kinds.SequenceEqual(All) ? this : new KindRegistry(kinds);
    }

    /// <summary>The kinds a stack file declares, in rank order (what a kind references comes first).</summary>
    public ImmutableArray<IResourceKind> Declarable => [.. All.Where(k => k.Stack is not null).OrderBy(k => k.Stack!.Rank)];

    /// <summary>The stack-file sections, in rank order.</summary>
    public ImmutableArray<StackSection> Sections => [.. Declarable.Select(k => k.Stack!)];

    public IResourceKind? FindBySection(string section) => All.FirstOrDefault(k => k.Stack?.Name == section);

    /// <summary>A kind's position in dependency order; kinds no stack declares come last.</summary>
    public int RankOf(string kindName) => FindByName(kindName)?.Stack?.Rank ?? int.MaxValue;

    /// <summary>The section that declares a kind, e.g. <c>connectors</c> for <c>Connector</c>.</summary>
    public string SectionOf(string kindName) =>
        FindByName(kindName)?.Stack?.Name ?? throw new ArgumentOutOfRangeException(nameof(kindName), kindName, "not a kind a stack file declares");

    public IResourceKind? FindByToken(string typeToken) => _byToken.GetValueOrDefault(typeToken);

    public IResourceKind? FindByName(string name) => _byName.GetValueOrDefault(name);

    public IResourceKind GetByName(string name) =>
        FindByName(name) ?? throw new KeyNotFoundException($"No resource kind named '{name}'.");
}
