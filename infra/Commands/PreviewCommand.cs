using BirdInfra.Access;
using BirdInfra.Guards;
using BirdInfra.Planning;
using BirdInfra.SavedPlans;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra preview`: reads Bird, plans, and prints the plan (text, markdown or json) with what the stack's guards
/// say about it. Changes nothing; exits 1 when the guards would stop `up`.
/// </summary>
public static class PreviewCommand
{
    /// <param name="planned">Told the plan's summary once there is a plan (for a many-stack summary row); null for one stack.</param>
    public static Task<int> RunAsync(CommandOptions options, ConsoleIO io, IBirdTargetFactory targets, Action<PlanSummary>? planned, CancellationToken cancellationToken)
    {
        var paths = new StackPaths(options.Root, options.Stack);
        var stackFileHash = options.PlanOut is not null && File.Exists(paths.StackFile) ? SavedPlanFile.StackFileHash(paths.StackFile) : null;
        return CommandSession.RunAsync(options, "preview", io, targets, session => RunAsync(session, options, io, planned, stackFileHash, cancellationToken), cancellationToken);
    }

    private static async Task<int> RunAsync(StackSession session, CommandOptions options, ConsoleIO io, Action<PlanSummary>? planned, string? stackFileHash, CancellationToken cancellationToken)
    {
        var result = Planner.Plan(options.Stack, session.Graph, session.Refresh.State, session.Kinds);
        if (result.Plan is null)
        {
            io.WriteDiagnostics(result.Diagnostics);
            return ExitCodes.Error;
        }

        planned?.Invoke(result.Plan.Summary);
        var guards = GuardCheck.Evaluate(result.Plan, session.Stack.Guards, session.Kinds, destroy: false, options.AllowDestructiveChanges);
        var access = AccessChanges.Compute(session, options.Root);
        RefreshCommand.WriteDrift(io, session.Refresh);
        switch (options.Format)
        {
            case PlanFormat.Json:
                io.Out.WriteLine(PlanJsonRenderer.Render(result.Plan, guards, access));
                break;
            case PlanFormat.Markdown:
                io.Out.Write(PlanMarkdownRenderer.Render(result.Plan, guards, session.Target.Description));
                io.Out.Write(AccessChangeRenderer.Markdown(access));
                break;
            default:
                PlanTextRenderer.Write(io.Out, result.Plan, guards, io.Palette(options.NoColor));
                io.Out.Write(AccessChangeRenderer.Text(access));
                break;
        }

        if (options.PlanOut is { } planOut && stackFileHash is not null)
        {
            var document = SavedPlanFile.Write(
                result.Plan,
                guards,
                stackFileHash,
                session.RecordedState,
                session.Refresh.State,
                session.Target.OrganizationId,
                session.Target.WorkspaceId,
                options.AllowDestructiveChanges,
                io.Time.GetUtcNow(),
                access);
            var temporary = planOut + ".tmp";
            await File.WriteAllTextAsync(temporary, document, cancellationToken);
            File.Move(temporary, planOut, overwrite: true);
            io.Error.WriteLine($"Saved the plan to {planOut}; `birdinfra up --stack {options.Stack} --plan {Path.GetFileName(planOut)}` applies exactly it.");
        }

        var accessBlocked = AccessGainsCheck.Report(session.Stack.Guards, access, io.Error, "up", options.AllowAccessGains);
        if (guards.Stops)
        {
            io.Error.WriteLine($"error: guards would stop `birdinfra up --stack {options.Stack}`: {guards.Summary()}.");
            return ExitCodes.Error;
        }

        if (accessBlocked)
        {
            return ExitCodes.Error;
        }

        return options.DetailedExitCode && result.Plan.Summary.HasChanges ? ExitCodes.Changes : ExitCodes.Success;
    }
}
