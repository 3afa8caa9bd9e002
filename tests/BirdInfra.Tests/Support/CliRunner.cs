using BirdInfra.Cli;
using BirdInfra.Commands;

namespace BirdInfra.Tests.Support;

/// <summary>Runs `birdinfra` in-process in a project folder, capturing what it prints; confirmations are refused unless the caller answers them.</summary>
public static class CliRunner
{
    public static Task<CliRun> RunAsync(string root, Func<string, string?> environment, params string[] args) =>
        RunAsync(root, environment, _ => false, args);

    public static async Task<CliRun> RunAsync(string root, Func<string, string?> environment, Func<string, bool> confirm, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var io = new ConsoleIO(TextWriter.Synchronized(output), TextWriter.Synchronized(error), confirm, environment);
        var code = await CliApp.RunAsync(args, io, root, CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
