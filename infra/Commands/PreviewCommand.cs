using BirdInfra.Engine;
using BirdInfra.Guards;
using BirdInfra.Planning;
using BirdInfra.Rendering;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra preview`: reads Bird, plans, and prints the plan (text or --json) with what the stack's guards
/// say about it. Changes nothing; exits 1 when the guards would stop `up`.
/// </summary>
public static class PreviewCommand
{
    public static async Task<int> RunAsync(CommandOptions options, ConsoleIO io, IBirdTargetFactory targets, CancellationToken cancellationToken)
    {
        await using var session = await StackSession.OpenAsync(options, "preview", io, targets, cancellationToken);
        if (session is null)
        {
            return ExitCodes.Error;
        }

        var result = Planner.Plan(options.Stack, session.Graph, session.Refresh.State, session.Kinds);
        if (result.Plan is null)
        {
            StackSession.WriteDiagnostics(io, result.Diagnostics);
            return ExitCodes.Error;
        }

        var guards = GuardCheck.Evaluate(result.Plan, session.Stack.Guards, destroy: false, options.AllowDestructiveChanges);
        RefreshCommand.WriteDrift(io, session.Refresh);
        if (options.Json)
        {
            io.Out.WriteLine(PlanJsonRenderer.Render(result.Plan, guards));
        }
        else
        {
            PlanTextRenderer.Write(io.Out, result.Plan, guards);
        }

        if (guards.Stops)
        {
            io.Error.WriteLine($"error: guards would stop `birdinfra up --stack {options.Stack}`: {guards.Summary()}.");
            return ExitCodes.Error;
        }

        return options.DetailedExitCode && result.Plan.Summary.HasChanges ? ExitCodes.Changes : ExitCodes.Success;
    }
}
