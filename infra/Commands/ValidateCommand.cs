using BirdInfra.Engine;

namespace BirdInfra.Commands;

/// <summary>`birdinfra validate`: checks a stack file offline and reports every problem at once.</summary>
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

        io.Out.WriteLine($"Stack {options.Stack} is valid: {load.Stack.Resources.Length} resources declared.");
        return ExitCodes.Success;
    }
}
