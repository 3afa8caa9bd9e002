
namespace BirdInfra.Guards;

/// <summary><c>guards.accessGains</c>: what preview and up say, or refuse, when a plan gives an access key more access.</summary>
public static class AccessGainsCheck
{
    /// <summary>
    /// The keys Bird already holds that gain access, one line each; empty when none does or the guard is off. A key the
    /// plan creates is not a gain to guard: its whole access is in the preview, and counting it would stop every first `up`.
    /// </summary>
    public static ImmutableArray<string> Gains(GuardsDefinition guards, IReadOnlyList<AccessChange> changes)
    {
        ArgumentNullException.ThrowIfNull(guards);
        if (guards.AccessGains is null)
        {
            return [];
        }

        return [.. changes.Where(c => !c.IsNew && (!c.Gains.IsEmpty || !c.Gained.IsEmpty)).Select(c =>
            $"access key '{c.Key}' gains {string.Join(", ", c.Gains.Select(r => $"{r.Action} {r.Resource}").Concat(c.Gained.Select(o => $"'{o.Operation.Words}' ({o.Operation.Method} {o.Path})")))}")];
    }

    public static bool Blocks(GuardsDefinition guards) => guards.AccessGains == "block";

    /// <summary>Writes the warnings or errors; true when the run must stop.</summary>
    /// <param name="allowed">`--allow-access-gains`: block reports the gains as warnings and lets the run through.</param>
    public static bool Report(GuardsDefinition guards, IReadOnlyList<AccessChange> changes, TextWriter error, string command, bool allowed = false)
    {
        ArgumentNullException.ThrowIfNull(error);
        var gains = Gains(guards, changes);
        if (gains.IsEmpty)
        {
            return false;
        }

        var blocks = Blocks(guards) && !allowed;
        foreach (var line in gains)
        {
            error.WriteLine($"{(blocks ? "error" : "warning")}: {line}.");
        }

        if (blocks)
        {
            error.WriteLine($"error: guards.accessGains: block ({guards.AccessGainsLocation}) stops `birdinfra {command}` before anything is sent to Bird; set it to warn, or run with --allow-access-gains, to let a deliberate widening through.");
        }
        else if (Blocks(guards))
        {
            error.WriteLine($"warning: --allow-access-gains goes past guards.accessGains: block ({guards.AccessGainsLocation}).");
        }

        return blocks;
    }
}
