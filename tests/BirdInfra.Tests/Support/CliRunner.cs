using BirdInfra.Cli;
using BirdInfra.Engine;

namespace BirdInfra.Tests.Support;

/// <summary>Runs `birdinfra` in-process in a project folder, capturing what it prints; confirmations are always refused.</summary>
public static class CliRunner
{
    public static async Task<CliRun> RunAsync(string root, Func<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var io = new ConsoleIO(output, error, _ => false, environment);
        var code = await CliApp.RunAsync(args, io, root, CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
