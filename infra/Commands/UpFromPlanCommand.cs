using BirdInfra.Guards;
using BirdInfra.SavedPlans;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra up --plan FILE`: applies exactly the plan `preview --out` saved, never planning again. A plan that no longer
/// describes what `up` would do (stack file edited, state changed, a live object changed in Bird, a secret's value
/// changed) is refused before anything is sent to Bird, naming what moved.
/// </summary>
public static class UpFromPlanCommand
{
    public static async Task<int> RunAsync(CommandOptions options, ConsoleIO io, IBirdTargetFactory targets, CancellationToken cancellationToken)
    {
        var planFile = options.PlanFile ?? throw new ArgumentException("No plan file.", nameof(options));
        var saved = SavedPlanFile.Read(planFile);
        if (saved.Stack != options.Stack)
        {
            throw new UserError($"{planFile} is a plan for stack '{saved.Stack}', not '{options.Stack}'. Nothing was sent to Bird.");
        }

        var paths = new StackPaths(options.Root, options.Stack);
        if (StackFileMoved(paths, saved) is { } edited)
        {
            return Refuse(io, options, planFile, [edited]);
        }

        return await CommandSession.RunAsync(options, "up", io, targets, session => RunAsync(session, options, io, planFile, saved, paths, cancellationToken), cancellationToken);
    }

    private static async Task<int> RunAsync(StackSession session, CommandOptions options, ConsoleIO io, string planFile, SavedPlan saved, StackPaths paths, CancellationToken cancellationToken)
    {
        var check = SavedPlanCheck.Check(saved, session.Graph, session.RecordedState, session.Refresh.State, session.Kinds, session.Target.OrganizationId, session.Target.WorkspaceId);
        var moved = StackFileMoved(paths, saved) is { } editedSince ? [editedSince, .. check.Moved] : check.Moved;
        if (!moved.IsEmpty || check.Plan is not { } plan)
        {
            return Refuse(io, options, planFile, moved);
        }

        var guards = GuardCheck.Evaluate(plan, session.Stack.Guards, session.Kinds, destroy: false, saved.AllowDestructiveChanges || options.AllowDestructiveChanges);
        io.Error.WriteLine($"Applying the saved plan {planFile} (made {saved.CreatedAt:u}); it is still current.");
        io.Out.Write(PlanTextRenderer.Render(plan, guards, io.Palette(options.NoColor)));
        if (guards.Stops)
        {
            io.Error.WriteLine($"error: guards stopped `birdinfra up --stack {options.Stack} --plan {planFile}` before anything was sent to Bird: {guards.Summary()}.");
            return ExitCodes.Error;
        }

        // The plan is current (same stack file, state and live objects), so the access changes computed now are the
        // ones it carries; the guard is checked again because the preview that saved it may have gone past it.
        var access = Access.AccessChanges.Compute(session, options.Root);
        if (AccessGainsCheck.Report(session.Stack.Guards, access, io.Error, "up --plan", options.AllowAccessGains))
        {
            return ExitCodes.Error;
        }

        if (!plan.Summary.HasChanges)
        {
            return ExitCodes.Success;
        }

        return await UpCommand.ApplyAsync(session, plan, options, io, "up", destroy: false, cancellationToken, recordAs: $"up --plan {Path.GetFileName(planFile)}");
    }

    private static string? StackFileMoved(StackPaths paths, SavedPlan saved)
    {
        if (!File.Exists(paths.StackFile))
        {
            return $"the stack file {Path.GetRelativePath(paths.Root, paths.StackFile)} is gone";
        }

        var now = SavedPlanFile.StackFileHash(paths.StackFile);
        return now == saved.StackFileSha256
            ? null
            : $"the stack file {Path.GetRelativePath(paths.Root, paths.StackFile)} was edited after the plan was made (sha256 {saved.StackFileSha256[..12]}… → {now[..12]}…)";
    }

    private static int Refuse(ConsoleIO io, CommandOptions options, string planFile, IEnumerable<string> moved)
    {
        io.Error.WriteLine($"error: the plan {planFile} is stale; nothing was sent to Bird:");
        foreach (var line in moved)
        {
            io.Error.WriteLine("  - " + line);
        }

        io.Error.WriteLine($"Make a new plan with `birdinfra preview --stack {options.Stack} --out {Path.GetFileName(planFile)}`, review it, and apply that one.");
        return ExitCodes.Error;
    }
}
