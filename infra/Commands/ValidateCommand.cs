using BirdInfra.Engine;
using BirdInfra.Stacks;

namespace BirdInfra.Commands;

/// <summary>
/// `birdinfra validate`: checks a stack file offline and reports every problem at once; warnings alone leave it valid
/// (exit 0). `--print` also writes the effective stack (bases merged) on stdout, each block commented with its file.
/// </summary>
public static class ValidateCommand
{
    public static int Run(CommandOptions options, ConsoleIO io)
    {
        var paths = new StackPaths(options.Root, options.Stack);
        var load = StackSession.Load(paths, io, checkSecrets: true);
        if (options.Print && load.Effective is { } effective)
        {
            io.Out.Write(EffectiveStackWriter.Write(effective, paths.StackFile, load.Files, file => Path.GetRelativePath(options.Root, file)));
        }

        if (load.Stack is null)
        {
            StackSession.WriteDiagnostics(io, load.Diagnostics);
            return ExitCodes.Error;
        }

        StackSession.WriteWarnings(io, load.Diagnostics);
        (options.Print ? io.Error : io.Out).WriteLine($"Stack {options.Stack} is valid: {load.Stack.Resources.Length} resources declared{StackSession.WarningCount(load.Diagnostics, ", {0}")}.");
        return ExitCodes.Success;
    }
}
