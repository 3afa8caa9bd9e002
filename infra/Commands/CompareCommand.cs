using BirdInfra.Compare;
using BirdInfra.Engine;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra compare --stack A --with B`: what differs between two stacks' effective declarations, offline, each
/// difference marked expected when either stack's <c>compare.expect</c> lists it. Reads no secret, sends nothing.
/// </summary>
public static class CompareCommand
{
    public static int Run(CommandOptions options, string with, ConsoleIO io)
    {
        var left = StackSession.Load(new StackPaths(options.Root, options.Stack), io, checkSecrets: false);
        var right = StackSession.Load(new StackPaths(options.Root, with), io, checkSecrets: false);
        if (left.Stack is null || right.Stack is null)
        {
            StackSession.WriteDiagnostics(io, [.. left.Diagnostics, .. right.Diagnostics], "nothing was compared");
            return ExitCodes.Error;
        }

        var comparison = StackComparer.Compare(left, right, io.Environment);
        io.Out.Write(ComparisonRenderer.Render(comparison, options.Format));
        if (options.Format != Rendering.PlanFormat.Text)
        {
            io.Error.WriteLine(ComparisonRenderer.Summary(comparison));
        }

        return options.DetailedExitCode && comparison.Unexpected > 0 ? ExitCodes.Changes : ExitCodes.Success;
    }
}
