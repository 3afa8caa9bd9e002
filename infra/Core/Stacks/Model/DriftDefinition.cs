
namespace BirdInfra.Stacks.Model;

/// <summary>
/// The <c>drift</c> setting: what is expected beside the stack (<see cref="Ignore"/>) and which stacks share its
/// organization or workspace (<see cref="Stacks"/>), whose objects are theirs, not beside. Only `drift` reads it.
/// </summary>
public sealed record DriftDefinition(ImmutableArray<DriftIgnoreRule> Ignore, ImmutableArray<string> Stacks)
{
    public static DriftDefinition None { get; } = new([], []);

    public bool IsIgnored(string kind, string id, string name) => Ignore.Any(r => r.Matches(kind, id, name));
}
