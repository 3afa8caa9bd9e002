using System.Collections.Immutable;
using BirdInfra.Apply;
using BirdInfra.Engine;
using BirdInfra.Guards;
using BirdInfra.History;
using BirdInfra.Planning;
using BirdInfra.Rendering;
using BirdInfra.State;

namespace BirdInfra.Commands;

/// <summary>`birdinfra up` and `birdinfra destroy`: plan, check the guards, confirm (or --yes), apply, report.</summary>
public static class UpCommand
{
    public static Task<int> RunAsync(CommandOptions options, ConsoleIO io, IBirdTargetFactory targets, CancellationToken cancellationToken) =>
        RunAsync(options, io, targets, destroy: false, cancellationToken);

    public static async Task<int> RunAsync(CommandOptions options, ConsoleIO io, IBirdTargetFactory targets, bool destroy, CancellationToken cancellationToken)
    {
        var command = destroy ? "destroy" : "up";
        await using var session = await StackSession.OpenAsync(options, command, io, targets, cancellationToken);
        if (session is null)
        {
            return ExitCodes.Error;
        }

        var graph = destroy ? new Graph.DesiredGraph([]) : session.Graph;
        var result = Planner.Plan(options.Stack, graph, session.Refresh.State, session.Kinds);
        if (result.Plan is null)
        {
            StackSession.WriteDiagnostics(io, result.Diagnostics);
            return ExitCodes.Error;
        }

        var plan = result.Plan;
        var guards = GuardCheck.Evaluate(plan, session.Stack.Guards, destroy, options.AllowDestructiveChanges);
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
            if (!session.Refresh.Drift.IsEmpty || session.Refresh.State.Serial != session.RecordedState.Serial)
            {
                await session.Store.SaveAsync(session.Refresh.State, cancellationToken);
                await RecordAsync(session, io, command, plan, [], null, cancellationToken);
            }

            return ExitCodes.Success;
        }

        return await ApplyAsync(session, plan, options, io, command, destroy, cancellationToken);
    }

    /// <summary>Confirms (unless --yes), applies the plan in dependency order and reports; shared by `up`, `destroy` and `up --plan`.</summary>
    /// <param name="recordAs">The command as the history shows it, when not just <paramref name="command"/> ("up --plan plan.json").</param>
    internal static async Task<int> ApplyAsync(StackSession session, Plan plan, CommandOptions options, ConsoleIO io, string command, bool destroy, CancellationToken cancellationToken, string? recordAs = null)
    {
        if (!options.Yes && !io.Confirm(destroy ? $"Delete everything stack {options.Stack} owns in Bird?" : $"Apply these changes to stack {options.Stack}?"))
        {
            io.Error.WriteLine($"Nothing applied. Run with --yes to {command} without being asked (required when not interactive).");
            return ExitCodes.Error;
        }

        // What the plan does to the keys' access, for the history: computed on what Bird holds before anything is applied.
        var access = Access.AccessChanges.Lines(Access.AccessChanges.Compute(session, options.Root, destroy));
        var journal = new StateJournal(session.Store, session.Refresh.State);
        await journal.StartAsync(cancellationToken);
        var progress = new SynchronousProgress(line => io.Error.WriteLine(line));
        var applier = new Applier(session.Kinds, session.Target.Context(progress) with { StopWaiting = cancellationToken }, journal, progress, options.Parallel);
        var outcome = await applier.ApplyAsync(plan, cancellationToken);

        // Every step is in the journal already; this folds them into state.json, whatever the outcome (even after Ctrl-C).
        await journal.CompleteAsync(CancellationToken.None);
        var error = outcome.Interrupted
            ? $"interrupted: {outcome.Completed} operation(s) finished; nothing else was started"
            : outcome.Succeeded ? null : string.Join("; ", outcome.Failures);
        await RecordAsync(session, io, recordAs ?? command, plan, HistoryRecorder.Changes(plan, outcome), error, cancellationToken, access);
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

    /// <summary>Appends the run to the stack's history; a history that cannot be written is reported, never hides the run's own result.</summary>
    internal static async Task RecordAsync(StackSession session, ConsoleIO io, string command, Plan? plan, ImmutableArray<HistoryChange> changes, string? error, CancellationToken cancellationToken, ImmutableArray<string> accessChanges = default)
    {
        try
        {
            var drift = session.Refresh.Drift.Select(d => $"{d.Address} ({d.Id}): {d.Description}").ToImmutableArray();
            await HistoryRecorder.AppendAsync(session.Backend.History, session.Paths, command, io.Environment, io.Time, plan?.Summary, changes, drift, error, CancellationToken.None, accessChanges);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or StateException)
        {
            io.Error.WriteLine($"warning: could not append to {session.Backend.History.Name}: {e.Message}");
        }
    }
}
