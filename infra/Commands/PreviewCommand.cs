using BirdInfra.Engine;
using BirdInfra.Planning;
using BirdInfra.Rendering;

namespace BirdInfra.Commands;

/// <summary>`birdinfra preview`: reads Bird, plans, and prints the plan (text or --json). Changes nothing.</summary>
public static class PreviewCommand
{
    public static async Task<int> RunAsync(CommandOptions options, ConsoleIO io, CancellationToken cancellationToken)
    {
        await using var session = await StackSession.OpenAsync(options, "preview", io, cancellationToken);
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

        RefreshCommand.WriteDrift(io, session.Refresh);
        io.Out.Write(options.Json ? PlanJsonRenderer.Render(result.Plan) + Environment.NewLine : PlanTextRenderer.Render(result.Plan));
        return options.DetailedExitCode && result.Plan.Summary.HasChanges ? ExitCodes.Changes : ExitCodes.Success;
    }
}
