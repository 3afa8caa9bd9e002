using BirdInfra.Guards;
using BirdInfra.Planning;

namespace BirdInfra.Commands;

/// <summary>`birdinfra up` and `birdinfra destroy`: plan, check the guards, confirm (or --yes), apply, report.</summary>
public static class UpCommand
{
    public static Task<int> RunAsync(CommandOptions options, ConsoleIO io, IBirdTargetFactory targets, bool destroy, CancellationToken cancellationToken)
    {
        var command = destroy ? "destroy" : "up";
        return CommandSession.RunAsync(options, command, io, targets, session => RunAsync(session, options, io, command, destroy, cancellationToken), cancellationToken);
    }

    private static async Task<int> RunAsync(StackSession session, CommandOptions options, ConsoleIO io, string command, bool destroy, CancellationToken cancellationToken)
    {
        var graph = destroy ? new Graph.DesiredGraph([]) : session.Graph;
        var result = Planner.Plan(options.Stack, graph, session.Refresh.State, session.Kinds);
        if (result.Plan is null)
        {
            io.WriteDiagnostics(result.Diagnostics);
            return ExitCodes.Error;
        }

        var plan = result.Plan;
        var guards = GuardCheck.Evaluate(plan, session.Stack.Guards, session.Kinds, destroy, options.AllowDestructiveChanges);
        RefreshCommand.WriteDrift(io, session.Refresh);
        PlanTextRenderer.Write(io.Out, plan, guards, io.Palette(options.NoColor));
        if (guards.Stops)
        {
            io.Error.WriteLine($"error: guards stopped `birdinfra {command} --stack {options.Stack}` before anything was sent to Bird: {guards.Summary()}.");
            return ExitCodes.Error;
        }

        if (!destroy && session.Stack.Guards.AccessGains is not null)
        {
            var access = Access.AccessChanges.Compute(session, options.Root);
            if (AccessGainsCheck.Report(session.Stack.Guards, access, io.Error, command, options.AllowAccessGains))
            {
                return ExitCodes.Error;
            }
        }

        if (!plan.Summary.HasChanges)
        {
            // Nothing to apply; the operation still records what the refresh found.
            await StackOperation.RunAsync(session, new ApplyChange(command, plan, destroy, options.Root, options.Parallel), io, cancellationToken);
            return ExitCodes.Success;
        }

        return await ApplyAsync(session, plan, options, io, command, destroy, cancellationToken);
    }

    /// <summary>Confirms (unless --yes), has the engine apply the plan and reports what it did; shared by `up`, `destroy` and `up --plan`.</summary>
    /// <param name="recordAs">The command as the history shows it, when not just <paramref name="command"/> ("up --plan plan.json").</param>
    internal static async Task<int> ApplyAsync(StackSession session, Plan plan, CommandOptions options, ConsoleIO io, string command, bool destroy, CancellationToken cancellationToken, string? recordAs = null)
    {
        if (!options.Yes && !io.Confirm(destroy ? $"Delete everything stack {options.Stack} owns in Bird?" : $"Apply these changes to stack {options.Stack}?"))
        {
            io.Error.WriteLine($"Nothing applied. Run with --yes to {command} without being asked (required when not interactive).");
            return ExitCodes.Error;
        }

        var result = await StackOperation.RunAsync(session, new ApplyChange(recordAs ?? command, plan, destroy, options.Root, options.Parallel), io, cancellationToken);
        var outcome = result.Applied!;
        io.Out.WriteLine();
        if (outcome.Interrupted)
        {
            io.Error.WriteLine(
                $"error: interrupted: {outcome.Completed} operation(s) finished and are recorded in state; nothing else was started. "
                + $"Run `birdinfra {command} --stack {options.Stack}` again to finish.");
            return ExitCodes.Error;
        }

        if (!outcome.Succeeded)
        {
            foreach (var failure in outcome.Failures)
            {
                io.Error.WriteLine("error: " + failure);
            }

            io.Out.WriteLine($"{command} stopped: {outcome.Completed} operation(s) done, {outcome.Failures.Length} failed. State records everything that was done; run `birdinfra {command} --stack {options.Stack}` again after fixing the cause.");
            return ExitCodes.Error;
        }

        io.Out.WriteLine($"{(destroy ? "Destroyed" : "Applied")}: {outcome.Completed} operation(s). {PlanTextRenderer.SummaryLine(plan.Summary, io.Palette(options.NoColor))}");
        return ExitCodes.Success;
    }
}
