using BirdInfra.Engine;
using BirdInfra.State;

namespace BirdInfra.Commands;

/// <summary>`birdinfra unlock`: clears a lock left by a killed run, after a confirmation (or --yes).</summary>
public static class UnlockCommand
{
    public static int Run(CommandOptions options, ConsoleIO io)
    {
        var paths = new StackPaths(options.Root, options.Stack);
        if (!File.Exists(paths.LockFile))
        {
            io.Out.WriteLine($"Stack {options.Stack} is not locked.");
            return ExitCodes.Success;
        }

        var holder = StateLock.Describe(paths.LockFile);
        if (!options.Yes && !io.Confirm($"Stack {options.Stack} is locked, {holder}. Clear the lock? Only do this if that run is no longer running."))
        {
            io.Error.WriteLine("The lock was kept.");
            return ExitCodes.Error;
        }

        File.Delete(paths.LockFile);
        io.Out.WriteLine($"Cleared the lock of stack {options.Stack} ({holder}).");
        return ExitCodes.Success;
    }
}
