using BirdInfra.Cli;
using BirdInfra.Commands;
using BirdInfra.PulumiProgram;

namespace BirdInfra;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // The first Ctrl-C lets the operations in flight finish and be recorded (a create cut mid-call would leave Bird
        // holding an object whose answer nobody saw); the second stops at once, which is safe too: every create is
        // journaled in state before it is sent, and the next run settles it.
        using var cancellation = new CancellationTokenSource();
        var interrupts = 0;
        Console.CancelKeyPress += (_, e) =>
        {
            if (Interlocked.Increment(ref interrupts) > 1)
            {
                return;
            }

            e.Cancel = true;
            Console.Error.WriteLine("Interrupted: finishing the operations in flight and recording them; press Ctrl-C again to stop at once.");
            cancellation.Cancel();
        };

        // `pulumi preview`/`pulumi up` start this program through the dotnet language host: no arguments, PULUMI_MONITOR set.
        if (ProgramSettings.IsPulumiRun(Environment.GetEnvironmentVariable, args))
        {
            return await ProgramRunner.RunAsync(Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(), Console.Error, cancellation.Token);
        }

        return await CliApp.RunAsync(args, ConsoleIO.System, Directory.GetCurrentDirectory(), cancellation.Token);
    }
}
