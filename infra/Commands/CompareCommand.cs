using BirdInfra.Compare;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra compare --stack A --with B`: what differs between two stacks' effective declarations, offline, each
/// difference marked expected when either stack's <c>compare.expect</c> lists it. With `--live`, between what Bird holds
/// for each (both targets read, nothing changed). Reads no secret offline; sends nothing that changes Bird.
/// </summary>
public static class CompareCommand
{
    public static async Task<int> RunAsync(CommandOptions options, string with, bool live, ConsoleIO io, IBirdTargetFactory targets, CancellationToken cancellationToken)
    {
        if (live)
        {
            return await CommandSession.RunAsync(options, "compare", io, targets, left =>
                CommandSession.RunAsync(options with { Stack = with }, "compare", io, targets, right =>
                {
                    var comparison = LiveComparer.Compare(left.Stack, left.Refresh.State, right.Stack, right.Refresh.State, left.Kinds);
                    return Task.FromResult(Report(comparison, options, io));
                }, cancellationToken), cancellationToken);
        }

        var leftLoad = StackSession.Load(new StackPaths(options.Root, options.Stack), options.Kinds, io.Environment, checkSecrets: false);
        var rightLoad = StackSession.Load(new StackPaths(options.Root, with), options.Kinds, io.Environment, checkSecrets: false);
        if (leftLoad.Stack is null || rightLoad.Stack is null)
        {
            io.WriteDiagnostics([.. leftLoad.Diagnostics, .. rightLoad.Diagnostics], "nothing was compared");
            return ExitCodes.Error;
        }

        return Report(StackComparer.Compare(leftLoad, rightLoad, io.Environment), options, io);
    }

    private static int Report(StackComparison comparison, CommandOptions options, ConsoleIO io)
    {
        io.Out.Write(ComparisonRenderer.Render(comparison, options.Format));
        if (options.Format != Rendering.PlanFormat.Text)
        {
            io.Error.WriteLine(ComparisonRenderer.Summary(comparison));
        }

        return options.DetailedExitCode && comparison.Unexpected > 0 ? ExitCodes.Changes : ExitCodes.Success;
    }
}
