using BirdInfra.Refresh;

namespace BirdInfra.Commands;

/// <summary>`birdinfra refresh`: reports drift made outside BirdInfra and records it in state.</summary>
public static class RefreshCommand
{
    /// <summary>Runs in the session <see cref="CommandSession"/> opened for the command.</summary>
    public static async Task<int> RunAsync(StackSession session, CommandOptions options, ConsoleIO io, CancellationToken cancellationToken)
    {
        var refresh = session.Refresh;
        if (refresh.Drift.IsEmpty)
        {
            io.Out.WriteLine($"Stack {options.Stack}: no drift. Bird matches the state ({refresh.State.Resources.Length} resources).");
            return ExitCodes.Success;
        }

        WriteDrift(io, refresh, io.Out);
        await StackOperation.RunAsync(session, new RefreshChange(), io, cancellationToken);
        io.Out.WriteLine($"Recorded {refresh.Drift.Length} drifted resource{(refresh.Drift.Length == 1 ? string.Empty : "s")} in the state. Run `birdinfra up --stack {options.Stack}` to make Bird match the stack again.");
        return ExitCodes.Success;
    }

    /// <summary>Prints each drifted resource; preview and up print it to stderr before the plan.</summary>
    public static void WriteDrift(ConsoleIO io, RefreshResult refresh, TextWriter? writer = null)
    {
        var output = writer ?? io.Error;
        foreach (var drift in refresh.Drift)
        {
            output.WriteLine($"  ! {drift.Address} ({drift.Id}): {drift.Description}");
            foreach (var change in drift.Changes)
            {
                output.WriteLine($"      {change.Path}: {Rendering.ValueText.Inline(change.Old)} → {Rendering.ValueText.Inline(change.New)}");
            }
        }
    }
}
