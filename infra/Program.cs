using BirdInfra.Cli;
using BirdInfra.Engine;

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
        return await CliApp.RunAsync(args, ConsoleIO.System, Directory.GetCurrentDirectory(), cancellation.Token);
    }
}
