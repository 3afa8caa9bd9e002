
namespace BirdInfra.Stacks.Model;

/// <summary>
/// The <c>guards</c> of a stack: which resources <c>up</c> and <c>destroy</c> never delete or replace, and how
/// many deletions plus replacements one <c>up</c> may do (null = no limit).
/// </summary>
public sealed record GuardsDefinition(
    ImmutableArray<ProtectionRule> Rules,
    int? MaxDestructiveChanges,
    SourceLocation? MaxDestructiveChangesLocation)
{
    public static GuardsDefinition None { get; } = new([], null, null);

    /// <summary><c>guards.accessGains</c>: <c>warn</c> or <c>block</c> when a plan gives a key more access; null = off.</summary>
    public string? AccessGains { get; init; }

    /// <summary>Where <see cref="AccessGains"/> is set, for the message that names it.</summary>
    public SourceLocation? AccessGainsLocation { get; init; }

    /// <summary>
    /// The rule that protects a resource, or null: the resource's own <c>protect:</c> wins, then its address in
    /// <c>guards.protect</c>, then its section there.
    /// </summary>
    public ProtectionRule? ProtectionOf(string section, string logicalName)
    {
        var own = Rules.FirstOrDefault(r => r.OnResource && r.Section == section && r.LogicalName == logicalName);
        if (own is not null)
        {
            return own.Protect ? own : null;
        }

        return Rules.FirstOrDefault(r => !r.OnResource && r.Section == section && r.LogicalName == logicalName)
            ?? Rules.FirstOrDefault(r => !r.OnResource && r.Section == section && r.LogicalName is null);
    }
}
