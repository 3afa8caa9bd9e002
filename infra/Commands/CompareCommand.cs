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
        StackComparison comparison;
        if (live)
        {
            await using var left = await CommandSession.OpenAsync(options, "compare", io, targets, cancellationToken);
            if (left is null)
            {
                return ExitCodes.Error;
            }

            await using var right = await CommandSession.OpenAsync(options with { Stack = with }, "compare", io, targets, cancellationToken);
            if (right is null)
            {
                return ExitCodes.Error;
            }

            comparison = LiveComparer.Compare(left.Stack, left.Refresh.State, right.Stack, right.Refresh.State, left.Kinds);
        }
        else
        {
            var leftLoad = StackSession.Load(new StackPaths(options.Root, options.Stack), options.Kinds, io.Environment, checkSecrets: false);
            var rightLoad = StackSession.Load(new StackPaths(options.Root, with), options.Kinds, io.Environment, checkSecrets: false);
            if (leftLoad.Stack is null || rightLoad.Stack is null)
            {
                io.WriteDiagnostics([.. leftLoad.Diagnostics, .. rightLoad.Diagnostics], "nothing was compared");
                return ExitCodes.Error;
            }

            comparison = StackComparer.Compare(leftLoad, rightLoad, io.Environment);
        }

        io.Out.Write(ComparisonRenderer.Render(comparison, options.Format));
        if (options.Format != Rendering.PlanFormat.Text)
        {
            io.Error.WriteLine(ComparisonRenderer.Summary(comparison));
        }

        return options.DetailedExitCode && comparison.Unexpected > 0 ? ExitCodes.Changes : ExitCodes.Success;
    }
}
