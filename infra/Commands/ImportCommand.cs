using BirdInfra.Import;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra import`: records as owned, without changing anything in Bird, the existing Bird object of every declaration
/// state does not own (found by the kind's natural key). Prints what it will adopt and what it cannot find, asks like
/// `up` (or --yes), and refuses when a declaration matches several objects.
/// </summary>
public static class ImportCommand
{
    /// <summary>Runs in the session <see cref="CommandSession"/> opened for the command.</summary>
    public static async Task<int> RunAsync(StackSession session, CommandOptions options, ConsoleIO io, CancellationToken cancellationToken)
    {
        var plan = await Importer.PlanAsync(session.Graph, session.Refresh.State, session.Kinds, session.Target.Context(null), cancellationToken);
        RefreshCommand.WriteDrift(io, session.Refresh);
        io.Out.WriteLine($"Import into stack {options.Stack} ({session.Target.Description}):");
        if (plan.Entries.IsEmpty)
        {
            io.Out.WriteLine("  every declared resource is already in state: nothing to import.");
            return ExitCodes.Success;
        }

        var width = plan.Entries.Max(e => e.Address.ToString().Length);
        foreach (var entry in plan.Entries)
        {
            var what = entry.Match switch
            {
                ImportMatch.Adopt => $"adopt      {entry.Address.ToString().PadRight(width)}  {entry.Candidates[0]}",
                ImportMatch.NotFound => $"not found  {entry.Address.ToString().PadRight(width)}  (`up` will create it)",
                _ => $"ambiguous  {entry.Address.ToString().PadRight(width)}  {entry.Candidates.Length} Bird objects: {string.Join(", ", entry.Candidates)}",
            };
            io.Out.WriteLine("  " + what);
        }

        io.Out.WriteLine($"{plan.Adopted.Length} to adopt, {plan.NotFound.Length} not found, {plan.Ambiguous.Length} ambiguous.");
        if (!plan.Ambiguous.IsEmpty)
        {
            foreach (var entry in plan.Ambiguous)
            {
                io.Error.WriteLine(
                    $"error: {entry.Address} matches {entry.Candidates.Length} Bird objects with the same {Describe(entry.NaturalKey)}: {string.Join(", ", entry.Candidates)}. "
                    + "BirdInfra cannot tell which one is meant; delete or rename the extra ones in Bird, or give the declaration a name no other object has.");
            }

            io.Error.WriteLine("Nothing was imported.");
            return ExitCodes.Error;
        }

        if (plan.Adopted.IsEmpty)
        {
            io.Out.WriteLine("Nothing to import: run `birdinfra up` to create what was not found.");
            return ExitCodes.Success;
        }

        if (!options.Yes && !io.Confirm($"Record these {plan.Adopted.Length} Bird object(s) as owned by stack {options.Stack}?"))
        {
            io.Error.WriteLine("Nothing imported. Run with --yes to import without being asked (required when not interactive).");
            return ExitCodes.Error;
        }

        await StackOperation.RunAsync(session, new ImportChange(plan), io, cancellationToken);
        io.Out.WriteLine(
            $"Imported {plan.Adopted.Length} object(s); nothing was changed in Bird."
            + (plan.NotFound.IsEmpty ? string.Empty : $" {plan.NotFound.Length} declaration(s) not found stay for `birdinfra up` to create.")
            + $" Run `birdinfra preview --stack {options.Stack}` to see what differs.");
        return ExitCodes.Success;
    }

    /// <summary>"name ucx-contact-center" for the natural key "AccessRole:ucx-contact-center".</summary>
    private static string Describe(string naturalKey)
    {
        var colon = naturalKey.IndexOf(':', StringComparison.Ordinal);
        return $"natural key ({naturalKey[(colon + 1)..]})";
    }
}
