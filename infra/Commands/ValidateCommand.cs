using BirdInfra.Engine;

namespace BirdInfra.Commands;

/// <summary>`birdinfra validate`: checks a stack file offline and reports every problem at once; warnings alone leave it valid (exit 0).</summary>
public static class ValidateCommand
{
    public static int Run(CommandOptions options, ConsoleIO io)
    {
        var paths = new StackPaths(options.Root, options.Stack);
        var load = StackSession.Load(paths, io, checkSecrets: true);
        if (load.Stack is null)
        {
            StackSession.WriteDiagnostics(io, load.Diagnostics);
            return ExitCodes.Error;
        }

        StackSession.WriteWarnings(io, load.Diagnostics);
        io.Out.WriteLine($"Stack {options.Stack} is valid: {load.Stack.Resources.Length} resources declared{StackSession.WarningCount(load.Diagnostics, ", {0}")}.");
        return ExitCodes.Success;
    }
}
