using BirdInfra.Cli;
using BirdInfra.Engine;
using BirdInfra.PulumiProgram;

namespace BirdInfra;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
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
