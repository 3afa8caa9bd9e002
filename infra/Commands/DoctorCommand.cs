using BirdInfra.Doctor;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra doctor`: before a first `up`, checks read-only whether the endpoint, the deploy key, the organization and
/// workspace, the permissions every call of this stack needs, the clock and the state are ready (<see cref="StackDoctor"/>),
/// and prints the policy rows that are missing. Exit 1 on any failed check.
/// </summary>
public static class DoctorCommand
{
    public static async Task<int> RunAsync(CommandOptions options, ConsoleIO io, IBirdTargetFactory targets, CancellationToken cancellationToken)
    {
        var paths = new StackPaths(options.Root, options.Stack);
        if (CommandStack.Load(paths, options, io, checkSecrets: true) is not { } stack)
        {
            return ExitCodes.Error;
        }

        io.Error.WriteLine($"Checking stack {options.Stack} against {stack.Target.Where} (read-only)…");
        await using var target = await targets.ConnectAsync(stack.Target, paths, io.Environment, null, cancellationToken);
        var report = await StackDoctor.RunAsync(stack, paths, target, options.Kinds.For(stack.Target.KindOptions), io.Environment, TimeProvider.System, cancellationToken);
        io.Out.Write(options.Json ? DoctorJsonRenderer.Render(report) + Environment.NewLine : DoctorTextRenderer.Render(report));
        return report.HasFailures ? ExitCodes.Error : ExitCodes.Success;
    }
}
